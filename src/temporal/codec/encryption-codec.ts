/**
 * The payload codec that encrypts every payload Waymark hands Temporal (inputs, results,
 * signals, queries, memos, failure attributes): the whole original payload — its metadata and
 * data — serialized as a `temporal.api.common.v1.Payload` protobuf and sealed with AES-256-GCM.
 * The stored payload carries only `encoding: binary/encrypted` and the id of the key used, so a
 * reader with the key list (worker, client, codec endpoint) can open it after any rotation.
 */
import { ValueError, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { open, seal } from './aes-gcm';
import type { CodecKey } from './keys';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const ENCODING_KEY = 'encoding';
export const KEY_ID_KEY = 'encryption-key-id';

const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');
const text = (b: Uint8Array | null | undefined): string | undefined =>
  b ? Buffer.from(b).toString('utf8') : undefined;

/** AES-256-GCM codec over a key list: the first key encrypts, every key decrypts. */
export class EncryptionCodec implements PayloadCodec {
  private readonly keys: Map<string, Buffer>;
  private readonly current: CodecKey;

  constructor(keys: CodecKey[]) {
    if (keys.length === 0) throw new Error('EncryptionCodec: no keys');
    this.current = keys[0];
    this.keys = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => ({
      metadata: {
        [ENCODING_KEY]: utf8(ENCRYPTED_ENCODING),
        [KEY_ID_KEY]: utf8(this.current.id),
      },
      data: seal(temporal.api.common.v1.Payload.encode(payload).finish(), this.current.key),
    }));
  }

  /** Payloads not marked `binary/encrypted` pass through (history from before the codec). */
  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (text(payload.metadata?.[ENCODING_KEY]) !== ENCRYPTED_ENCODING) return payload;
      const keyId = text(payload.metadata?.[KEY_ID_KEY]);
      if (!keyId) throw new ValueError(`encrypted payload without '${KEY_ID_KEY}' metadata`);
      const key = this.keys.get(keyId);
      if (!key)
        throw new ValueError(
          `encrypted payload uses key '${keyId}', which is not among the configured codec keys (WAYMARK_CODEC_KEYS)`,
        );
      if (!payload.data) throw new ValueError('encrypted payload without data');
      let plain: Buffer;
      try {
        plain = open(payload.data, key);
      } catch (err) {
        throw new ValueError(`payload (key '${keyId}'): ${(err as Error).message}`);
      }
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}
