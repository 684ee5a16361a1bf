/**
 * The registry's SQLite file (and the -wal/-shm files SQLite makes beside it) and the folder
 * Waymark creates for it are readable by their owner only, whatever the umask.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRegistry } from '../../src/registry';

const mode = (p: string): number => fs.statSync(p).mode & 0o777;

describe('registry file modes', () => {
  let root: string;
  let umask: number;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-modes-'));
    umask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(umask);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('creates the folder 0700 and the database files 0600', async () => {
    // given a data folder that does not exist yet, under a permissive umask
    const file = path.join(root, 'data', 'registry.sqlite');
    // when the registry opens it and writes
    const registry = await openRegistry({ sqliteFile: file });
    await registry.definitions.listDefinitions();
    // then the folder and every database file are the owner's only
    expect(mode(path.dirname(file))).toBe(0o700);
    const files = fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith('registry.sqlite'));
    expect(files).toEqual(expect.arrayContaining(['registry.sqlite', 'registry.sqlite-wal']));
    for (const f of files)
      expect({ f, mode: mode(path.join(root, 'data', f)) }).toEqual({ f, mode: 0o600 });
    await registry.close();
  });

  it('makes an existing world-readable database file 0600', async () => {
    // given a registry file someone created 0644
    const file = path.join(root, 'registry.sqlite');
    fs.writeFileSync(file, '', { mode: 0o644 });
    // when the registry opens it, then it is the owner's only; the existing folder keeps its mode
    const before = mode(root);
    const registry = await openRegistry({ sqliteFile: file });
    expect(mode(file)).toBe(0o600);
    expect(mode(root)).toBe(before);
    await registry.close();
  });
});
