/**
 * The registry's migrations, registered explicitly (no folder scanning, so bundlers and
 * compiled output behave the same) and run by kysely's Migrator. Add a new file
 * `NNN-name.ts` and list it here; never edit a migration that has shipped. One set serves
 * SQLite and PostgreSQL: migrations use kysely's schema builder with portable column types.
 *
 * On PostgreSQL the whole run holds a session advisory lock (`../postgres.ts`): API and worker
 * processes that start together against an empty database take turns, and the later ones find
 * nothing left to do. (SQLite needs none: a file is opened by one process tree.)
 */
import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { RegistryDialect } from '../db';
import { withMigrationLock } from '../postgres';
import * as m001 from './001-initial';
import * as m040 from './040-cases-parameters';
import * as m041 from './041-environments-webhooks';
import * as m042 from './042-idempotency-request-hash';
import * as m043 from './043-event-starts';

const migrations: Record<string, Migration> = {
  '001-initial': m001,
  '040-cases-parameters': m040,
  '041-environments-webhooks': m041,
  '042-idempotency-request-hash': m042,
  '043-event-starts': m043,
};

const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

/**
 * Brings the schema up to date and returns the names of the migrations it ran; throws with
 * the failing migration's name. `dialect` 'postgres' runs under the advisory lock.
 */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  dialect: RegistryDialect = 'sqlite',
): Promise<string[]> {
  return dialect === 'postgres' ? withMigrationLock(db, migrateUnlocked) : migrateUnlocked(db);
}

async function migrateUnlocked<DB>(db: Kysely<DB>): Promise<string[]> {
  // Branches add migrations in numbered ranges (0xx per feature); an older-numbered one may land
  // after a newer one has run somewhere, so order is by name but not enforced.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(
      `Registry migration failed${name}: ${String((error as Error)?.message ?? error)}`,
      {
        cause: error,
      },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
