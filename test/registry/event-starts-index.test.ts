/**
 * The index of message and signal start events (src/registry/event-starts-index.ts) on both
 * stores: a lookup finds the enabled BPMN definitions whose latest deployed version starts at
 * the named event — not drafts, not older versions, not disabled or deleted definitions — and
 * migration 043 indexes versions stored before it.
 */
import { sql } from 'kysely';
import type { Registry } from '../../src/registry';
import { migrateToLatest } from '../../src/registry/migrations';
import { registryBackends, useBackend } from '../support/registry-backends';

type Start = { kind: 'message' | 'signal'; name: string };

const ir = (id: string, starts: Start[]) => ({
  kind: 'bpmn',
  processId: id,
  elements: {},
  flows: {},
  startEvents: starts.map((s, i) => ({
    elementId: `Start_${i}`,
    kind: s.kind,
    ...(s.kind === 'message' ? { message: { name: s.name } } : { signal: s.name }),
  })),
});

describe.each(registryBackends)('%s registry: event start index', (name) => {
  const backend = useBackend(name);
  let registry: Registry;
  beforeEach(async () => {
    registry = await backend.open();
  });
  afterEach(async () => {
    await registry.close();
  });

  const upload = (key: string, starts: Start[], deploy = true, source = key) =>
    registry.definitions.createVersion({
      key,
      kind: 'bpmn',
      source: `<${source}/>`,
      sourceType: 'xml',
      compiled: ir(key, starts),
      deploy,
    });
  const keys = async (kind: Start['kind'], n: string) =>
    (await registry.definitions.startedBy(kind, n)).map((d) => d.key).sort();

  it('finds the deployed definitions that start at a named message or signal', async () => {
    await upload('order', [{ kind: 'message', name: 'order-placed' }]);
    await upload('audit', [
      { kind: 'message', name: 'order-placed' },
      { kind: 'signal', name: 'shutdown' },
    ]);
    await upload('draft-only', [{ kind: 'message', name: 'order-placed' }], false);
    expect(await keys('message', 'order-placed')).toEqual(['audit', 'order']);
    expect(await keys('signal', 'shutdown')).toEqual(['audit']);
    expect(await keys('signal', 'order-placed')).toEqual([]);
    expect(await keys('message', 'unknown')).toEqual([]);
  });

  it('follows the latest deployed version, enable/disable and delete', async () => {
    await upload('order', [{ kind: 'message', name: 'v1-name' }]);
    await upload('order', [{ kind: 'message', name: 'v2-name' }], true, 'order-v2');
    expect(await keys('message', 'v1-name')).toEqual([]);
    expect(await keys('message', 'v2-name')).toEqual(['order']);
    // a newer draft does not change what starts
    await upload('order', [{ kind: 'message', name: 'v3-name' }], false, 'order-v3');
    expect(await keys('message', 'v2-name')).toEqual(['order']);
    expect(await keys('message', 'v3-name')).toEqual([]);
    await registry.definitions.setEnabled('order', false);
    expect(await keys('message', 'v2-name')).toEqual([]);
    await registry.definitions.setEnabled('order', true);
    expect(await keys('message', 'v2-name')).toEqual(['order']);
    await registry.definitions.deleteDefinition('order');
    expect(await keys('message', 'v2-name')).toEqual([]);
    const left = await registry.db.selectFrom('event_starts').selectAll().execute();
    expect(left).toEqual([]);
  });

  it('migration 043 indexes the versions stored before it', async () => {
    await upload('order', [{ kind: 'message', name: 'order-placed' }]);
    // given a database as it was before migration 043
    await registry.db.schema.dropTable('event_starts').execute();
    await sql`delete from kysely_migration where name = '043-event-starts'`.execute(registry.db);
    // when migrating again
    expect(await migrateToLatest(registry.db, registry.dialect)).toEqual(['043-event-starts']);
    // then the older version is found
    expect(await keys('message', 'order-placed')).toEqual(['order']);
  });
});
