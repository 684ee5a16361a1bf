/**
 * Codec keys: `id1:base64key,id2:base64key` (commas or newlines, from WAYMARK_CODEC_KEYS or a
 * keys file). The first key encrypts; every key listed decrypts, so a rotation puts the new key
 * first and keeps the old ones until no history written with them is still read.
 */

/** One AES-256 key and the id written into each payload it encrypts. */
export interface CodecKey {
  id: string;
  key: Buffer;
}

/** Parses a key list; throws a message naming the bad entry (never the key bytes). */
export function parseCodecKeys(list: string): CodecKey[] {
  const entries = list
    .split(/[,\n]/)
    .map((e) => e.trim())
    .filter(Boolean);
  const keys: CodecKey[] = [];
  const seen = new Set<string>();
  for (const [i, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon).trim() : '';
    const b64 = colon > 0 ? entry.slice(colon + 1).trim() : '';
    if (!id || !b64) throw new Error(`key ${i + 1}: expected id:base64key`);
    if (!/^[A-Za-z0-9._-]+$/.test(id))
      throw new Error(`key '${id}': the id may hold letters, digits, '.', '_' and '-' only`);
    if (seen.has(id)) throw new Error(`key '${id}' is listed twice`);
    const key = Buffer.from(b64, 'base64');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || key.length !== 32)
      throw new Error(
        `key '${id}': expected 32 bytes in base64 (openssl rand -base64 32), got ${key.length}`,
      );
    seen.add(id);
    keys.push({ id, key });
  }
  if (keys.length === 0) throw new Error('no keys listed');
  return keys;
}
