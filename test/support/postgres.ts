/**
 * A throwaway PostgreSQL server for tests: `initdb` into a temporary folder, `postgres` on a
 * free loopback port (trust authentication, no fsync, C locale), one fresh database per
 * `createDatabase()`, and everything removed by `stop()`. PostgreSQL refuses to run as root,
 * so as root the server runs as `nobody`. The binaries come from `WAYMARK_PG_BIN`, else the
 * newest `/usr/lib/postgresql/<version>/bin` (Debian's `postgresql`; scripts/ensure-postgres.sh
 * installs it).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../src/temporal/dev-server';

export interface PostgresServer {
  /** The URL of the server's `postgres` database (for administration). */
  adminUrl: string;
  /** The postmaster's process id (its backends are its children). */
  pid: number;
  /** The server's major version (its bin folder's name under /usr/lib/postgresql). */
  version: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

const USER = 'waymark';

/** The folder holding initdb and postgres; throws with the install hint when there is none. */
export function postgresBinDir(): string {
  const configured = process.env.WAYMARK_PG_BIN;
  if (configured) return configured;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0)
    throw new Error(
      'PostgreSQL is missing: run scripts/ensure-postgres.sh (or set WAYMARK_PG_BIN)',
    );
  return path.join(root, versions[0], 'bin');
}

/** As root: the uid and gid of `nobody`, whom the server runs as. */
function serverIdentity(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'nobody']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

async function waitReady(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null)
      throw new Error(`postgres exited with ${server.exitCode}:\n${log()}`);
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres not ready after 30 s: ${String(err)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Creates an empty database on the server of `adminUrl` and returns its URL. */
export async function createTestDatabase(adminUrl: string): Promise<string> {
  const name = `waymark_${randomBytes(6).toString('hex')}`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name} template template0 strategy file_copy`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Starts a server (see the module comment); `stop()` it when done. `durable` keeps PostgreSQL's
 * own defaults (fsync, synchronous commit, full page writes), as a benchmark needs; tests turn
 * them off.
 */
export async function startPostgres(opts: { durable?: boolean } = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const identity = serverIdentity();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-pg-'));
  if (identity) fs.chownSync(dir, identity.uid, identity.gid);
  const data = path.join(dir, 'data');
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  const as = { ...identity, env };
  execFileSync(
    path.join(bin, 'initdb'),
    ['-D', data, '-U', USER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
    { ...as, stdio: 'pipe' },
  );
  const port = await freePort();
  const args = ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'];
  args.push('-c', `unix_socket_directories=${dir}`);
  if (!opts.durable) {
    args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  }
  const server = spawn(path.join(bin, 'postgres'), args, {
    ...as,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  // A test run that dies must not leave the server behind.
  const killOnExit = () => server.kill('SIGKILL');
  process.once('exit', killOnExit);
  const adminUrl = `postgres://${USER}@127.0.0.1:${port}/postgres`;
  try {
    await waitReady(adminUrl, server, () => output);
  } catch (err) {
    server.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    adminUrl,
    pid: server.pid!,
    version: path.basename(path.dirname(bin)),
    createDatabase: () => createTestDatabase(adminUrl),
    async stop() {
      process.removeListener('exit', killOnExit);
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once('exit', r));
        server.kill('SIGINT'); // fast shutdown: ends sessions, no checkpoint wait
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
