/**
 * Files that hold credentials or definitions (the registry database, the generated signing
 * secret, the dev server's data) are readable by their owner only: folders Waymark creates are
 * 0700, files 0600. A folder that already exists keeps its mode (it may be shared, like /tmp);
 * the files Waymark owns in it are made 0600 whatever they were.
 */
import fs from 'node:fs';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and missing parents) readable by the owner only; an existing one is left as is. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Makes sure `file` exists and is readable by the owner only, before anything is written to it
 * (SQLite creates its -wal and -shm files with the database file's mode).
 */
export function ensurePrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  fs.chmodSync(file, PRIVATE_FILE_MODE);
}
