/**
 * The registry's database: table types for kysely and the one factory that picks the SQL
 * dialect. SQLite (better-sqlite3) is the default — a file under the data folder, or
 * `:memory:` for tests; `DATABASE_URL` selects PostgreSQL (`postgres.ts`). Columns use plain
 * SQL types (text, integer, varchar) so the stores and migrations are the same for both:
 * booleans are 0/1 integers, timestamps are ISO-8601 text, JSON is text.
 *
 * Kysely's SQLite driver prepares every query anew, and preparing a statement costs more than
 * running the small indexed lookups the API makes per request; `withStatementCache` keeps the
 * prepared statements. Kysely binds values as parameters, so the distinct SQL texts are few.
 */
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Generated, SqliteDatabase as KyselySqlite, SqliteStatement } from 'kysely';
import { ensurePrivateDir, ensurePrivateFile } from '../private-files';
import { createPostgresDb } from './postgres';

export interface DefinitionsTable {
  id: string;
  key: string;
  kind: string;
  name: string | null;
  /** 0/1: portable across SQLite and PostgreSQL. */
  enabled: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface DefinitionVersionsTable {
  definition_id: string;
  version: number;
  status: string;
  source: string;
  source_type: string;
  /** The compiled IR as JSON text. */
  compiled: string;
  content_hash: string;
  created_at: string;
  deployed_at: string | null;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  /** The response first given for this key, as JSON text. */
  instance: string;
  /** sha256 of the request the key first came with (null: stored before it was kept). */
  request_hash: string | null;
  created_at: string;
}

/** One message or signal start event of a BPMN version (`event-starts-index.ts`). */
export interface EventStartsTable {
  definition_id: string;
  version: number;
  element_id: string;
  kind: string;
  name: string;
}

export interface RegistryDatabase {
  definitions: DefinitionsTable;
  event_starts: EventStartsTable;
  definition_versions: DefinitionVersionsTable;
  idempotency_keys: IdempotencyKeysTable;
}

/** Where the registry lives: a SQLite file (or `:memory:`), or a PostgreSQL URL. */
export type RegistryLocation = { sqliteFile: string } | { databaseUrl: string };

export type RegistryDialect = 'sqlite' | 'postgres';

/** Which SQL dialect a location speaks. */
export function dialectOf(location: RegistryLocation): RegistryDialect {
  return 'databaseUrl' in location ? 'postgres' : 'sqlite';
}

/** How many prepared statements a database keeps (least recently used goes first). */
export const STATEMENT_CACHE_SIZE = 256;

/**
 * The database as kysely sees it, with prepared statements reused by SQL text. Reuse is safe
 * here: the driver runs one statement at a time on its single connection, and SQLite
 * re-prepares a statement by itself when a migration changes the schema under it.
 */
export function withStatementCache(
  sqlite: SqliteDatabase.Database,
  size = STATEMENT_CACHE_SIZE,
): KyselySqlite {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      let stmt = statements.get(text);
      if (stmt) {
        statements.delete(text);
      } else {
        stmt = sqlite.prepare(text);
        if (statements.size >= size) statements.delete(statements.keys().next().value!);
      }
      statements.set(text, stmt);
      return stmt;
    },
  };
}

/** Builds the kysely instance for a location; the only place that knows about dialects. */
export function createDb(location: RegistryLocation): Kysely<RegistryDatabase> {
  if ('databaseUrl' in location) return createPostgresDb<RegistryDatabase>(location.databaseUrl);
  const file = location.sqliteFile;
  if (file !== ':memory:') {
    ensurePrivateDir(path.dirname(path.resolve(file)));
    ensurePrivateFile(file);
  }
  const sqlite = new SqliteDatabase(file);
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<RegistryDatabase>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
}
