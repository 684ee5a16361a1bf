/**
 * Migration 042: idempotency keys remember a hash of the request they first came with, so a
 * reuse of the key with a different request can be told from a retry. Rows stored before have
 * none and are answered as retries.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('idempotency_keys').addColumn('request_hash', 'varchar(64)').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('idempotency_keys').dropColumn('request_hash').execute();
}
