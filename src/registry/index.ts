/**
 * The registry: what Waymark stores that is not an execution (definitions and their
 * versions, idempotency keys, cases, parameter sets, environments, webhook subscriptions).
 * `openRegistry` opens the database (SQLite by default, PostgreSQL for a database URL), runs
 * the migrations and hands out one store per responsibility.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import path from 'node:path';
import type { Config } from '../config';
import { createDb, dialectOf } from './db';
import type { RegistryDatabase, RegistryDialect, RegistryLocation } from './db';
import { createDefinitionStore } from './definitions-store';
import type { DefinitionStore } from './definitions-store';
import { createIdempotencyStore } from './idempotency-store';
import type { IdempotencyStore } from './idempotency-store';
import { migrateToLatest } from './migrations';
import { createCaseStore, type CaseStore } from './cases-store';
import { createParameterStore, type ParameterStore } from './parameters-store';
import { createEnvironmentStore, type EnvironmentStore } from './environments-store';
import { createWebhookStore, type WebhookStore } from './webhooks-store';

export * from './definition-model';
export * from './definitions-store';
export * from './store-errors';
export type { IdempotencyStore } from './idempotency-store';
export * from './cases-store';
export * from './parameters-store';
export * from './environments-store';
export * from './webhooks-store';
export type { RegistryDatabase, RegistryDialect, RegistryLocation } from './db';

export interface Registry {
  db: Kysely<RegistryDatabase>;
  /** The SQL dialect the database speaks. */
  dialect: RegistryDialect;
  definitions: DefinitionStore;
  idempotency: IdempotencyStore;
  cases: CaseStore;
  parameters: ParameterStore;
  environments: EnvironmentStore;
  webhooks: WebhookStore;
  /** A trivial query: resolves when the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Where the configuration says the registry lives. */
export function registryLocation(
  config: Pick<Config, 'dataDir' | 'DATABASE_URL'>,
): RegistryLocation {
  if (config.DATABASE_URL) return { databaseUrl: config.DATABASE_URL };
  return { sqliteFile: path.join(config.dataDir, 'registry.sqlite') };
}

/** Opens the registry and migrates it to the latest schema. */
export async function openRegistry(location: RegistryLocation): Promise<Registry> {
  const db = createDb(location);
  const dialect = dialectOf(location);
  try {
    await migrateToLatest(db, dialect);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return {
    db,
    dialect,
    definitions: createDefinitionStore(db),
    idempotency: createIdempotencyStore(db),
    cases: createCaseStore(db),
    parameters: createParameterStore(db),
    environments: createEnvironmentStore(db),
    webhooks: createWebhookStore(db),
    async ping() {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}
