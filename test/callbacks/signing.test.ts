import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  callbackSecret,
  callbackKeys,
  callbackUrls,
  keyId,
  SECRET_FILE,
  signCallbackToken,
  verifyCallbackToken,
} from '../../src/callbacks/signing';

const claims = {
  flowElementInstanceId: 'order:42/Task_Ship/1',
  attempt: 1,
  firstRunId: '0196-run-a',
  expiresAt: 4_000_000_000,
};
const key = 's'.repeat(32);

describe('callback signing', () => {
  it('a signed token verifies and gives back its claims', () => {
    const token = signCallbackToken(key, claims);
    expect(token).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(verifyCallbackToken(key, token)).toEqual({ claims });
  });

  it('another secret, attempt, element instance, run or a tampered signature does not verify', () => {
    const token = signCallbackToken(key, claims);
    expect(verifyCallbackToken('t'.repeat(32), token)).toEqual({ rejected: 'bad-signature' });
    const parts = token.split('.');
    const swap = (i: number, v: string) => parts.map((p, j) => (j === i ? v : p)).join('.');
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    expect(verifyCallbackToken(key, swap(4, '2'))).toEqual({ rejected: 'bad-signature' });
    expect(verifyCallbackToken(key, swap(2, b64('order:43/Task_Ship/1')))).toEqual({
      rejected: 'bad-signature',
    });
    expect(verifyCallbackToken(key, swap(3, b64('0196-run-b')))).toEqual({
      rejected: 'bad-signature',
    });
    expect(verifyCallbackToken(key, swap(5, '4000000001'))).toEqual({
      rejected: 'bad-signature',
    });
    const sig = parts[6];
    const flipped = `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
    expect(verifyCallbackToken(key, swap(6, flipped))).toEqual({ rejected: 'bad-signature' });
    expect(verifyCallbackToken(key, '')).toEqual({ rejected: 'malformed' });
    expect(verifyCallbackToken(key, 'a.b.c')).toEqual({ rejected: 'malformed' });
  });

  it('expires at expiresAt', () => {
    const token = signCallbackToken(key, claims);
    expect(verifyCallbackToken(key, token, claims.expiresAt * 1000 - 1)).toEqual({ claims });
    expect(verifyCallbackToken(key, token, claims.expiresAt * 1000)).toEqual({
      rejected: 'expired',
    });
  });

  it('rotation: a token of the previous key verifies while it is configured, by its key id', () => {
    const previous = 'p'.repeat(32);
    const old = signCallbackToken(previous, claims);
    expect(old.split('.')[1]).toBe(keyId(previous));
    expect(keyId(previous)).not.toBe(keyId(key));
    expect(verifyCallbackToken([key, previous], old)).toEqual({ claims });
    expect(verifyCallbackToken([key], old)).toEqual({ rejected: 'bad-signature' });
    expect(
      callbackKeys({ WAYMARK_SECRET: key, WAYMARK_PREVIOUS_SECRET: previous, dataDir: '/x' }),
    ).toEqual([key, previous]);
  });

  it('builds the two URLs under the public base URL', () => {
    const urls = callbackUrls('http://api.example/', key, claims);
    expect(urls.responsePath).toMatch(/^http:\/\/api\.example\/callbacks\/[^/]+\/success$/);
    expect(urls.errorResponsePath).toBe(urls.responsePath.replace(/success$/, 'error'));
  });

  it('WAYMARK_SECRET wins; otherwise one secret per data folder, created once, mode 600', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-secret-'));
    try {
      expect(callbackSecret({ WAYMARK_SECRET: 'x'.repeat(20), dataDir })).toBe('x'.repeat(20));
      const first = callbackSecret({ dataDir });
      const file = path.join(dataDir, SECRET_FILE);
      expect(fs.readFileSync(file, 'utf8')).toBe(first);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(callbackSecret({ dataDir })).toBe(first);
      const other = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-secret-'));
      expect(callbackSecret({ dataDir: other })).not.toBe(first);
      fs.rmSync(other, { recursive: true });
    } finally {
      fs.rmSync(dataDir, { recursive: true });
    }
  });
});
