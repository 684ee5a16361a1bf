/**
 * AES-256-GCM with node:crypto: a fresh 12-byte IV per message, the 16-byte tag appended.
 * Layout of a sealed message: IV ‖ ciphertext ‖ tag. Opening checks the tag, so a changed
 * byte anywhere fails instead of decrypting to garbage.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const ALGORITHM = 'aes-256-gcm';

/** Encrypts `plain` under a 32-byte key. */
export function seal(plain: Uint8Array, key: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/** Decrypts a sealed message; throws when it is too short or its tag does not verify. */
export function open(sealed: Uint8Array, key: Buffer): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('ciphertext too short');
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const iv = buf.subarray(0, IV_BYTES);
  const tag = buf.subarray(buf.length - TAG_BYTES);
  const decipher = createDecipheriv(ALGORITHM, key, iv);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([
      decipher.update(buf.subarray(IV_BYTES, buf.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new Error('ciphertext does not verify (tampered, or encrypted with another key)');
  }
}
