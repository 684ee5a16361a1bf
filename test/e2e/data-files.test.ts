/**
 * The running stack's data files — the registry database and the generated callback signing
 * secret — are readable by their owner only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { call } from '../support/api';

describe('the stack data folder', () => {
  it('holds the registry and the signing secret with mode 0600', async () => {
    // given the running stack, which has written to its registry
    expect((await call('GET', '/definitions')).status).toBe(200);
    const dir = process.env.WAYMARK_TEST_DATA_DIR ?? '';
    // then its registry files and its generated secret are the owner's only
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.startsWith('registry.sqlite') || f.includes('secret'));
    expect(files).toEqual(expect.arrayContaining(['registry.sqlite']));
    expect(files.some((f) => f.includes('secret'))).toBe(true);
    for (const f of files) {
      const mode = fs.statSync(path.join(dir, f)).mode & 0o777;
      expect({ f, mode: mode.toString(8) }).toEqual({ f, mode: '600' });
    }
  });
});
