/**
 * The peer arm's databases: H2 in a file (in the JVM, so its CPU counts as the engine's) and
 * PostgreSQL (Debian's server in a temporary folder, with its default durability: fsync and
 * synchronous commit on), a fresh database for every scenario.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPostgres, type PostgresServer } from '../../test/support/postgres';
import { processTreeCpuSeconds } from '../proc-cpu';

export type PeerDb = 'h2' | 'postgres';

export interface PeerDatabase {
  jdbcUrl: string;
  user: string;
  password: string;
}

export interface PeerStore {
  db: PeerDb;
  /** A fresh, empty database. */
  database(): Promise<PeerDatabase>;
  /** CPU seconds of the database server so far (0 for H2, which runs in the JVM). */
  serverCpuSeconds(): number;
  /** The server's version line, for the report. */
  version(): string;
  close(): Promise<void>;
}

function h2Store(): PeerStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-flowable-h2-'));
  let n = 0;
  return {
    db: 'h2',
    database: async () => ({
      jdbcUrl: `jdbc:h2:file:${path.join(dir, `db${++n}`)}`,
      user: 'sa',
      password: '',
    }),
    serverCpuSeconds: () => 0,
    version: () => 'H2 2.2.224 (file, in the JVM; MVStore defaults)',
    close: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresStore(): Promise<PeerStore> {
  const server: PostgresServer = await startPostgres({ durable: true });
  return {
    db: 'postgres',
    async database() {
      const url = new URL(await server.createDatabase());
      return {
        jdbcUrl: `jdbc:postgresql://${url.host}${url.pathname}`,
        user: decodeURIComponent(url.username),
        password: '',
      };
    },
    serverCpuSeconds: () => processTreeCpuSeconds(server.pid),
    version: () => `PostgreSQL ${server.version} (Debian; fsync, synchronous_commit on)`,
    close: () => server.stop(),
  };
}

export const openStore = (db: PeerDb): Promise<PeerStore> =>
  db === 'h2' ? Promise.resolve(h2Store()) : postgresStore();
