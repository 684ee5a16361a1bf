/**
 * Idempotency keys: the first response given for a (scope, key) pair, so a client that
 * retries a start with the same `Idempotency-Key` gets the same instance back. The first
 * writer wins; a later `remember` for the same pair returns the stored value.
 */
import type { Kysely } from 'kysely';
import type { RegistryDatabase } from './db';

export interface IdempotencyStore {
  /** The stored response for this key, if any. */
  lookup<T>(scope: string, key: string): Promise<T | undefined>;
  /** Stores `value` unless the pair is already taken; returns whichever value is stored. */
  remember<T>(scope: string, key: string, value: T): Promise<T>;
}

export function createIdempotencyStore(db: Kysely<RegistryDatabase>): IdempotencyStore {
  async function lookup<T>(scope: string, key: string): Promise<T | undefined> {
    const row = await db
      .selectFrom('idempotency_keys')
      .select('instance')
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst();
    return row ? (JSON.parse(row.instance) as T) : undefined;
  }
  return {
    lookup,
    async remember<T>(scope: string, key: string, value: T): Promise<T> {
      await db
        .insertInto('idempotency_keys')
        .values({
          scope,
          key,
          instance: JSON.stringify(value),
          created_at: new Date().toISOString(),
        })
        .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
        .execute();
      return (await lookup<T>(scope, key)) ?? value;
    },
  };
}
