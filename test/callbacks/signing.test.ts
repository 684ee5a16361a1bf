import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  callbackSecret,
  callbackUrls,
  SECRET_FILE,
  signCallbackToken,
  verifyCallbackToken,
} from '../../src/callbacks/signing';

const claims = { flowElementInstanceId: 'order:42/Task_Ship/1', attempt: 1 };

describe('callback signing', () => {
  it('a signed token verifies and gives back its claims', () => {
    const token = signCallbackToken('s'.repeat(32), claims);
    expect(token).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(verifyCallbackToken('s'.repeat(32), token)).toEqual(claims);
  });

  it('another secret, attempt, element instance or a tampered signature does not verify', () => {
    const token = signCallbackToken('s'.repeat(32), claims);
    expect(verifyCallbackToken('t'.repeat(32), token)).toBeUndefined();
    const [fei, , sig] = token.split('.');
    expect(verifyCallbackToken('s'.repeat(32), `${fei}.2.${sig}`)).toBeUndefined();
    const other = Buffer.from('order:43/Task_Ship/1').toString('base64url');
    expect(verifyCallbackToken('s'.repeat(32), `${other}.1.${sig}`)).toBeUndefined();
    const flipped = `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
    expect(verifyCallbackToken('s'.repeat(32), `${fei}.1.${flipped}`)).toBeUndefined();
    expect(verifyCallbackToken('s'.repeat(32), '')).toBeUndefined();
    expect(verifyCallbackToken('s'.repeat(32), 'a.b.c')).toBeUndefined();
  });

  it('builds the two URLs under the public base URL', () => {
    const urls = callbackUrls('http://api.example/', 's'.repeat(32), claims);
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
