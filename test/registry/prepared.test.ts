/**
 * Prepared queries: compiled once, run with each call's values in place of the markers —
 * a value used twice, constants kept, inside a transaction too; on both stores.
 */
import { sql } from 'kysely';
import type { Registry } from '../../src/registry';
import { prepareQuery } from '../../src/registry/prepared';
import { registryBackends, useBackend } from '../support/registry-backends';

describe.each(registryBackends)('%s registry', (name) => {
  const backend = useBackend(name);

  describe('prepareQuery', () => {
    let registry: Registry;
    beforeEach(async () => {
      registry = await backend.open();
      await sql`insert into definitions (id, key, kind, name, enabled, created_at, updated_at)
      values ('id-a', 'a', 'bpmn', 'A', 1, 't', 't'), ('id-b', 'b', 'bpmn', null, 0, 't', 't')`.execute(
        registry.db,
      );
    });
    afterEach(async () => {
      await registry.close();
    });

    it('runs the compiled query with each call’s values', async () => {
      // given a query with one parameter used twice, and a constant
      const byIdOrKey = prepareQuery(registry.db, (q, idOrKey: string) =>
        q
          .selectFrom('definitions')
          .select(['id', 'key'])
          .where('kind', '=', 'bpmn')
          .where((eb) => eb.or([eb('id', '=', idOrKey), eb('key', '=', idOrKey)])),
      );
      // when it runs with different values, then each call gets its own rows
      expect(await byIdOrKey(registry.db, 'a')).toEqual([{ id: 'id-a', key: 'a' }]);
      expect(await byIdOrKey(registry.db, 'id-b')).toEqual([{ id: 'id-b', key: 'b' }]);
      expect(await byIdOrKey(registry.db, 'nope')).toEqual([]);
    });

    it('keeps parameters apart and runs inside a transaction', async () => {
      const byKeyAndEnabled = prepareQuery(registry.db, (q, key: string, enabled: number) =>
        q
          .selectFrom('definitions')
          .select('id')
          .where('enabled', '=', enabled)
          .where('key', '=', key),
      );
      const rows = await registry.db
        .transaction()
        .execute((trx) =>
          Promise.all([byKeyAndEnabled(trx, 'b', 0), byKeyAndEnabled(trx, 'b', 1)]),
        );
      expect(rows).toEqual([[{ id: 'id-b' }], []]);
    });

    it('refuses a query that leaves a parameter out', () => {
      expect(() =>
        prepareQuery(registry.db, (q, _unused: string) => q.selectFrom('definitions').select('id')),
      ).toThrow(/leaves a parameter unused/);
    });
  });
});
