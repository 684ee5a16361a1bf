/**
 * The encryption codec: a round trip restores the original payload (metadata and data), the
 * stored payload holds only ciphertext with `binary/encrypted` and the key id, a rotation keeps
 * old histories readable, and an unknown key or a changed byte fails with a clear message.
 */
import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { EncryptionCodec, ENCRYPTED_ENCODING, KEY_ID_KEY } from '../../../src/temporal/codec';

const key = (id: string) => ({ id, key: randomBytes(32) });
const text = (b: Uint8Array | null | undefined) => Buffer.from(b ?? []).toString('utf8');
const plain = defaultPayloadConverter.toPayload({ secret: 'plain-text-marker' }) as Payload;

test('a round trip gives back the original payload, and the stored one is ciphertext', async () => {
  // Given a codec with one key
  const codec = new EncryptionCodec([key('k1')]);
  // When a JSON payload is encoded
  const [sealed] = await codec.encode([plain]);
  // Then only the encoding and key id are in the clear
  expect(Object.keys(sealed.metadata ?? {}).sort()).toEqual(['encoding', KEY_ID_KEY]);
  expect(text(sealed.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
  expect(text(sealed.metadata?.[KEY_ID_KEY])).toBe('k1');
  expect(text(sealed.data)).not.toContain('plain-text-marker');
  // And decoding restores metadata and data
  const [opened] = await codec.decode([sealed]);
  expect(text(opened.metadata?.encoding)).toBe('json/plain');
  expect(defaultPayloadConverter.fromPayload(opened)).toEqual({ secret: 'plain-text-marker' });
});

test('each encoding uses a fresh IV: the same payload never seals to the same bytes', async () => {
  const codec = new EncryptionCodec([key('k1')]);
  const [a, b] = await codec.encode([plain, plain]);
  expect(Buffer.from(a.data ?? []).equals(Buffer.from(b.data ?? []))).toBe(false);
});

test('rotation: data sealed with the old key decodes after a new key is put first', async () => {
  // Given data sealed with k1
  const k1 = key('k1');
  const [old] = await new EncryptionCodec([k1]).encode([plain]);
  // When k2 is put first and k1 kept
  const rotated = new EncryptionCodec([key('k2'), k1]);
  // Then the old data still decodes, and new data is sealed with k2
  expect(defaultPayloadConverter.fromPayload((await rotated.decode([old]))[0])).toEqual({
    secret: 'plain-text-marker',
  });
  const [fresh] = await rotated.encode([plain]);
  expect(text(fresh.metadata?.[KEY_ID_KEY])).toBe('k2');
});

test('a payload sealed with a key no longer configured fails naming the key id', async () => {
  const [sealed] = await new EncryptionCodec([key('retired')]).encode([plain]);
  await expect(new EncryptionCodec([key('k2')]).decode([sealed])).rejects.toThrow(
    /key 'retired', which is not among the configured codec keys/,
  );
});

test('a changed ciphertext byte fails instead of decoding to garbage', async () => {
  const codec = new EncryptionCodec([key('k1')]);
  const [sealed] = await codec.encode([plain]);
  const data = Buffer.from(sealed.data ?? []);
  data[20] ^= 0x01;
  await expect(codec.decode([{ ...sealed, data }])).rejects.toThrow(/does not verify/);
});

test('the same key id with another key fails as tampered', async () => {
  const [sealed] = await new EncryptionCodec([key('k1')]).encode([plain]);
  await expect(new EncryptionCodec([key('k1')]).decode([sealed])).rejects.toThrow(
    /does not verify/,
  );
});

test('payloads not marked encrypted pass through (histories from before the codec)', async () => {
  const codec = new EncryptionCodec([key('k1')]);
  expect(await codec.decode([plain])).toEqual([plain]);
});
