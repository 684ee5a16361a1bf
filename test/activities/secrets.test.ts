import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { redactUrls, withRedactedFailures } from '../../activities/redact';
import { SecretStore, UnknownSecretError } from '../../activities/secrets';

describe('secret references', () => {
  it('resolves {{secrets.NAME}} from WAYMARK_SECRET_<NAME> and the secrets file, env first', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-secrets-'));
    const file = path.join(dir, 'secrets.json');
    fs.writeFileSync(file, JSON.stringify({ FILE_ONLY: 'from-file', BOTH: 'file-loses' }));
    try {
      const store = SecretStore.fromEnvironment(
        { WAYMARK_SECRET_API: 'k-123', WAYMARK_SECRET_BOTH: 'env-wins', OTHER: 'x' },
        file,
      );
      expect(
        store.resolve({
          h: { authorization: 'Bearer {{secrets.API}}' },
          list: ['{{ secrets.FILE_ONLY }}', 3],
          both: '{{secrets.BOTH}}',
          plain: 'no {{reference}} here',
        }),
      ).toEqual({
        h: { authorization: 'Bearer k-123' },
        list: ['from-file', 3],
        both: 'env-wins',
        plain: 'no {{reference}} here',
      });
      expect(() => store.resolve('{{secrets.OTHER}}')).toThrow(UnknownSecretError);
      expect(() => store.resolve('{{secrets.OTHER}}')).toThrow('secret OTHER is not defined');
      expect(store.redact('token k-123 and env-wins')).toBe('token *** and ***');
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});

describe('redacted failures', () => {
  it('drops user info, query strings and fragments from URLs in a message', () => {
    expect(
      redactUrls('HTTP 500 from GET https://ada:pw@api.example:8443/v1/x?apiKey=s3cret#frag now'),
    ).toBe('HTTP 500 from GET https://api.example:8443/v1/x now');
    expect(redactUrls('connect to http://127.0.0.1:9/ failed')).toBe(
      'connect to http://127.0.0.1:9/ failed',
    );
  });

  it('rethrows an ApplicationFailure with the message redacted, keeping type and retryability', async () => {
    const store = new SecretStore(new Map([['T', 'value-xyz']]));
    const err = await withRedactedFailures(store, () =>
      Promise.reject(
        ApplicationFailure.nonRetryable('bad http://h/p?k=1 value-xyz', 'BadTaskConfig'),
      ),
    ).catch((e: unknown) => e as ApplicationFailure);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err.message).toBe('bad http://h/p ***');
    expect(err.type).toBe('BadTaskConfig');
    expect(err.nonRetryable).toBe(true);
    const plain = await withRedactedFailures(undefined, () =>
      Promise.reject(new TypeError('fetch http://u:p@h/x failed')),
    ).catch((e: unknown) => e as ApplicationFailure);
    expect(plain.message).toBe('fetch http://h/x failed');
    expect(plain.stack).not.toContain('u:p');
  });
});
