/**
 * The codec key list: `id:base64key,…`, 32-byte keys, the first encrypts; a bad entry fails with
 * a message naming it (never its bytes), and the config refuses it at start-up.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config';
import { parseCodecKeys } from '../../../src/temporal/codec';

const b64 = (n = 32) => randomBytes(n).toString('base64');

test('a list of id:base64 keys, in order, commas or newlines', () => {
  const [a, b] = [b64(), b64()];
  const keys = parseCodecKeys(` new:${a},\nold:${b} `);
  expect(keys.map((k) => k.id)).toEqual(['new', 'old']);
  expect(keys[0].key.toString('base64')).toBe(a);
});

test.each([
  ['short', `k1:${b64(16)}`, /k1.*32 bytes.*got 16/],
  ['no id', `:${b64()}`, /expected id:base64key/],
  ['not base64', 'k1:not*base64', /k1.*32 bytes/],
  ['twice', `k1:${b64()},k1:${b64()}`, /'k1' is listed twice/],
  ['empty', ' , ', /no keys/],
])('%s → a clear error', (_case, list, message) => {
  expect(() => parseCodecKeys(list)).toThrow(message);
});

test('config: unset leaves the codec off; a bad key stops start-up naming the variable', () => {
  expect(loadConfig({}).codecKeys).toEqual([]);
  expect(loadConfig({ WAYMARK_CODEC_KEYS: `k1:${b64()}` }).codecKeys.map((k) => k.id)).toEqual([
    'k1',
  ]);
  const bad = () => loadConfig({ WAYMARK_CODEC_KEYS: `k1:${b64(31)}` });
  expect(bad).toThrow(ConfigError);
  expect(bad).toThrow(/WAYMARK_CODEC_KEYS: key 'k1': expected 32 bytes/);
});

test('config: a keys file instead of the variable', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'codec-keys-')), 'keys');
  fs.writeFileSync(file, `k2:${b64()}\nk1:${b64()}\n`);
  expect(loadConfig({ WAYMARK_CODEC_KEYS_FILE: file }).codecKeys.map((k) => k.id)).toEqual([
    'k2',
    'k1',
  ]);
  expect(() => loadConfig({ WAYMARK_CODEC_KEYS_FILE: `${file}.missing` })).toThrow(
    /WAYMARK_CODEC_KEYS_FILE/,
  );
});

test('config: the Web UI origins by default, or the listed ones', () => {
  expect(loadConfig({}).codecCorsOrigins).toEqual([
    'http://127.0.0.1:8233',
    'http://localhost:8233',
  ]);
  expect(
    loadConfig({ WAYMARK_CODEC_CORS_ORIGINS: 'https://ui.example.com/, http://x:1' })
      .codecCorsOrigins,
  ).toEqual(['https://ui.example.com', 'http://x:1']);
});
