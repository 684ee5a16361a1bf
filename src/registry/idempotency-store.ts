/**
 * Idempotency keys: the first response given for a (scope, key) pair and a hash of the
 * request it answered, so a client that retries a start with the same `Idempotency-Key` gets
 * the same instance back, and one that reuses the key for another request can be told. The
 * first writer wins (the primary key deduplicates, not a read before the write); a later
 * `remember` for the same pair returns what is stored.
 */
import type { Kysely } from 'kysely';
import type { RegistryDatabase } from './db';

export interface Remembered<T> {
  value: T;
  /** The hash of the request first answered; null for rows stored before hashes were kept. */
  requestHash: string | null;
}

export interface IdempotencyStore {
  /** The stored response for this key, if any. */
  lookup<T>(scope: string, key: string): Promise<Remembered<T> | undefined>;
  /** Stores `value` unless the pair is already taken; returns whichever is stored. */
  remember<T>(scope: string, key: string, value: T, requestHash: string): Promise<Remembered<T>>;
}

export function createIdempotencyStore(db: Kysely<RegistryDatabase>): IdempotencyStore {
  async function lookup<T>(scope: string, key: string): Promise<Remembered<T> | undefined> {
    const row = await db
      .selectFrom('idempotency_keys')
      .select(['instance', 'request_hash'])
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst();
    return row
      ? { value: JSON.parse(row.instance) as T, requestHash: row.request_hash }
      : undefined;
  }
  return {
    lookup,
    async remember<T>(scope: string, key: string, value: T, requestHash: string) {
      await db
        .insertInto('idempotency_keys')
        .values({
          scope,
          key,
          instance: JSON.stringify(value),
          request_hash: requestHash,
          created_at: new Date().toISOString(),
        })
        .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
        .execute();
      return (await lookup<T>(scope, key)) ?? { value, requestHash };
    },
  };
}
