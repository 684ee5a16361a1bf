/**
 * The registry's migrations, registered explicitly (no folder scanning, so bundlers and
 * compiled output behave the same) and run by kysely's Migrator. Add a new file
 * `NNN-name.ts` and list it here; never edit a migration that has shipped.
 */
import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import * as m001 from './001-initial';
import * as m040 from './040-cases-parameters';
import * as m041 from './041-environments-webhooks';
import * as m042 from './042-idempotency-request-hash';

const migrations: Record<string, Migration> = {
  '001-initial': m001,
  '040-cases-parameters': m040,
  '041-environments-webhooks': m041,
  '042-idempotency-request-hash': m042,
};

const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
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
