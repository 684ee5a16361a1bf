/**
 * Writers racing on one registry, as several API processes on one PostgreSQL database do (two
 * pools), and as concurrent requests in one process do on SQLite: migrations run once, uploads
 * of one definition number their versions without gaps or duplicates, and idempotency keys and
 * case identities are deduplicated by their unique constraints. A unique violation reads the
 * same from both dialects.
 */
import { sql } from 'kysely';
import { openRegistry, RegistryConflictError, type Registry } from '../../src/registry';
import { migrateToLatest } from '../../src/registry/migrations';
import { createDb, dialectOf } from '../../src/registry/db';
import { MIGRATION_LOCK_KEY } from '../../src/registry/postgres';
import { asConflict, isUniqueViolation } from '../../src/registry/store-errors';
import { registryBackends, useBackend } from '../support/registry-backends';

const upload = (registry: Registry, key: string, source: string) =>
  registry.definitions.createVersion({
    key,
    kind: 'bpmn',
    source,
    sourceType: 'xml',
    compiled: {},
  });

describe.each(registryBackends)('%s registry', (name) => {
  const backend = useBackend(name);
  let a: Registry;
  let b: Registry;
  beforeEach(async () => {
    // two processes' registries on one database (SQLite: one process, one registry)
    const location = await backend.location();
    a = await openRegistry(location);
    b = name === 'postgres' ? await openRegistry(location) : a;
  });
  afterEach(async () => {
    await a.close();
    if (b !== a) await b.close();
  });

  it('numbers concurrent uploads of one new definition 1..n, one definition', async () => {
    // given ten uploads of different sources under one new key, half through each registry
    const uploads = Array.from({ length: 10 }, (_, i) => upload(i % 2 ? a : b, 'race', `<v${i}/>`));
    // when they run at once, then each gets its own version and they share one definition
    const results = await Promise.all(uploads);
    expect(results.map((r) => r.version.version).sort((x, y) => x - y)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(new Set(results.map((r) => r.definition.id)).size).toBe(1);
    expect(await a.definitions.listDefinitions()).toHaveLength(1);
  });

  it('stores one version when the same source is uploaded concurrently', async () => {
    const results = await Promise.all([upload(a, 'same', '<s/>'), upload(b, 'same', '<s/>')]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results.map((r) => r.version.version)).toEqual([1, 1]);
  });

  it('keeps the first answer for an idempotency key written concurrently', async () => {
    const stored = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? a : b).idempotency.remember('scope', 'key', { n: i }, `h${i}`),
      ),
    );
    expect(new Set(stored.map((s) => JSON.stringify(s))).size).toBe(1);
    expect(await a.idempotency.lookup('scope', 'key')).toEqual(stored[0]);
  });

  it('creates one case for one identity created concurrently', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? a : b).cases.createOrReuse({ externalId: 'E1', firstName: `n${i}` }),
      ),
    );
    expect(new Set(outcomes.map((o) => o.case.caseId)).size).toBe(1);
    expect(outcomes.filter((o) => o.created)).toHaveLength(1);
  });

  it('reads a unique violation alike and turns it into a conflict', async () => {
    // given a stored idempotency key, when the same row is inserted without ON CONFLICT
    await a.idempotency.remember('s', 'k', 1, 'h');
    const insert = () =>
      sql`insert into idempotency_keys (scope, key, instance, created_at)
        values ('s', 'k', '2', 'now')`.execute(a.db);
    // then the driver's error is a unique violation, and asConflict makes it a conflict
    const err: unknown = await insert().catch((e: unknown) => e);
    expect(isUniqueViolation(err)).toBe(true);
    await expect(asConflict(insert)).rejects.toBeInstanceOf(RegistryConflictError);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });

  it('migrates an empty database once when two openers race', async () => {
    // given two connections (pools) to one empty database (SQLite: one file-less database)
    const location = await backend.location();
    const dbs =
      name === 'postgres' ? [createDb(location), createDb(location)] : [createDb(location)];
    try {
      // when both migrate at once, then the migrations run once in all
      const ran = await Promise.all(dbs.map((db) => migrateToLatest(db, dialectOf(location))));
      const all = ran.flat();
      expect(all).toContain('001-initial');
      expect(new Set(all).size).toBe(all.length);
      expect(await migrateToLatest(dbs[0], dialectOf(location))).toEqual([]);
    } finally {
      await Promise.all(dbs.map((db) => db.destroy()));
    }
  });

  // PostgreSQL only: SQLite takes no lock.
  if (name === 'postgres')
    it('waits for the migration lock another process holds', async () => {
      // given another session holding the registry's advisory lock on an empty database
      const location = await backend.location();
      const holder = createDb(location);
      const db = createDb(location);
      try {
        await holder.connection().execute(async (conn) => {
          await sql`select pg_advisory_lock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(conn);
          // when a registry opens meanwhile, then it does not migrate while the lock is held
          let done = false;
          const migrating = migrateToLatest(db, 'postgres').then((ran) => ((done = true), ran));
          await new Promise((r) => setTimeout(r, 500));
          expect(done).toBe(false);
          expect(await db.introspection.getTables()).toEqual([]);
          // and migrates once it is released
          await sql`select pg_advisory_unlock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(conn);
          expect(await migrating).toContain('001-initial');
        });
      } finally {
        await holder.destroy();
        await db.destroy();
      }
    });
});
