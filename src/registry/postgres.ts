/**
 * The PostgreSQL side of the registry: a `pg` pool behind kysely's PostgresDialect, and the
 * session-level advisory lock the migrations run under, so several API or worker processes
 * starting together against one database migrate it once, one after the other.
 *
 * Values come back as the stores expect them from SQLite: the columns are `integer`, `text`
 * and `varchar` (../db.ts), which `pg` returns as numbers and strings. Aggregates such as
 * `count(*)` are `bigint`, which `pg` returns as strings: wrap them in `Number()`.
 */
import { Pool } from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';

/** The registry's advisory lock key (any constant 64-bit number; this one is "waymark1"). */
export const MIGRATION_LOCK_KEY = 0x7761796d61726b31n;

/** A kysely instance over a pool for `databaseUrl` (`postgres://user:pass@host:port/db`). */
export function createPostgresDb<DB>(databaseUrl: string): Kysely<DB> {
  const pool = new Pool({ connectionString: databaseUrl });
  // An idle client losing its server emits 'error' on the pool; unhandled, it would end the
  // process. The pool drops that client and the next query opens a new one.
  pool.on('error', (err) => console.error('registry: PostgreSQL connection lost:', err.message));
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Runs `fn` on one connection holding `pg_advisory_lock(MIGRATION_LOCK_KEY)`; another caller
 * waits until `fn` is done. The lock belongs to the connection's session, so it is released
 * even when the process dies mid-way (the server ends the session).
 */
export async function withMigrationLock<DB, T>(
  db: Kysely<DB>,
  fn: (locked: Kysely<DB>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(conn);
    try {
      return await fn(conn);
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(conn);
    }
  });
}
