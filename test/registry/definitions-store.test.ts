/**
 * The definitions registry against an in-memory SQLite database: migrations, version
 * numbering, transactional creation, deploy, enable/disable and delete.
 */
import { sql } from 'kysely';
import { openRegistry, RegistryConflictError, RegistryNotFoundError } from '../../src/registry';
import type { Registry } from '../../src/registry';
import { migrateToLatest } from '../../src/registry/migrations';

const ir = (id: string) => ({ kind: 'bpmn', processId: id, elements: {}, flows: {} });

describe('definitions store', () => {
  let registry: Registry;
  beforeEach(async () => {
    registry = await openRegistry({ sqliteFile: ':memory:' });
  });
  afterEach(async () => {
    await registry.close();
  });

  it('runs the migrations once and creates the tables', async () => {
    // given a migrated database, when migrating again, then nothing runs
    expect(await migrateToLatest(registry.db)).toEqual([]);
    const tables = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table'`.execute(registry.db);
    expect(tables.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['definitions', 'definition_versions', 'idempotency_keys']),
    );
    await expect(registry.ping()).resolves.toBeUndefined();
  });

  it('creates the definition on the first key and numbers versions', async () => {
    const first = await registry.definitions.createVersion({
      key: 'order',
      kind: 'bpmn',
      name: 'Order',
      source: '<a/>',
      sourceType: 'xml',
      compiled: ir('order'),
    });
    expect(first.created).toBe(true);
    expect(first.version).toMatchObject({ version: 1, status: 'draft', sourceType: 'xml' });
    expect(first.definition).toMatchObject({
      key: 'order',
      kind: 'bpmn',
      name: 'Order',
      enabled: true,
    });

    const second = await registry.definitions.createVersion({
      key: 'order',
      kind: 'bpmn',
      source: '<b/>',
      sourceType: 'xml',
      compiled: ir('order'),
      deploy: true,
    });
    expect(second.definition.id).toBe(first.definition.id);
    expect(second.version).toMatchObject({ version: 2, status: 'deployed' });
    expect(second.version.deployedAt).not.toBeNull();

    const list = await registry.definitions.listDefinitions();
    expect(list).toEqual([
      expect.objectContaining({ key: 'order', latestVersion: 2, deployedVersion: 2 }),
    ]);
  });

  it('returns the latest version instead of a copy when the content is unchanged', async () => {
    const input = {
      key: 'same',
      kind: 'bpmn' as const,
      source: '<x/>',
      sourceType: 'xml' as const,
      compiled: ir('same'),
    };
    await registry.definitions.createVersion(input);
    const again = await registry.definitions.createVersion({ ...input, deploy: true });
    expect(again.created).toBe(false);
    expect(again.version).toMatchObject({ version: 1, status: 'deployed' });
  });

  it('rejects a key that belongs to another kind, leaving nothing behind', async () => {
    await registry.definitions.createVersion({
      key: 'k',
      kind: 'bpmn',
      source: '1',
      sourceType: 'xml',
      compiled: {},
    });
    await expect(
      registry.definitions.createVersion({
        key: 'k',
        kind: 'integration',
        source: '2',
        sourceType: 'json',
        compiled: {},
      }),
    ).rejects.toBeInstanceOf(RegistryConflictError);
    expect(
      await registry.definitions.listVersions((await registry.definitions.getDefinition('k'))!.id),
    ).toHaveLength(1);
  });

  it('creates nothing when the transaction fails half-way', async () => {
    // given an IR that cannot be serialised (a cycle), when creating, then no definition row remains
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(
      registry.definitions.createVersion({
        key: 'broken',
        kind: 'bpmn',
        source: '<y/>',
        sourceType: 'xml',
        compiled: cyclic,
      }),
    ).rejects.toThrow();
    expect(await registry.definitions.getDefinition('broken')).toBeUndefined();
  });

  it('looks definitions up by id or key and deploys drafts', async () => {
    const { definition } = await registry.definitions.createVersion({
      key: 'p',
      kind: 'bpmn',
      source: '<p/>',
      sourceType: 'xml',
      compiled: ir('p'),
    });
    expect((await registry.definitions.getDefinition(definition.id))?.key).toBe('p');
    expect((await registry.definitions.getDefinition('p'))?.id).toBe(definition.id);
    expect(await registry.definitions.latestDeployed('p')).toBeUndefined();

    const deployed = await registry.definitions.deployVersion('p', 1);
    expect(deployed.status).toBe('deployed');
    const latest = await registry.definitions.latestDeployed(definition.id);
    expect(latest).toMatchObject({ version: 1, source: '<p/>', compiled: ir('p') });
    // deploying again is a no-op, an unknown version is not found
    expect((await registry.definitions.deployVersion('p', 1)).deployedAt).toBe(deployed.deployedAt);
    await expect(registry.definitions.deployVersion('p', 9)).rejects.toBeInstanceOf(
      RegistryNotFoundError,
    );
    await expect(registry.definitions.deployVersion('nope', 1)).rejects.toBeInstanceOf(
      RegistryNotFoundError,
    );
  });

  it('enables, disables and deletes', async () => {
    await registry.definitions.createVersion({
      key: 'e',
      kind: 'bpmn',
      source: '<e/>',
      sourceType: 'xml',
      compiled: {},
    });
    expect((await registry.definitions.setEnabled('e', false)).enabled).toBe(false);
    expect((await registry.definitions.getDefinition('e'))?.enabled).toBe(false);
    expect(await registry.definitions.deleteDefinition('e')).toBe(true);
    expect(await registry.definitions.getDefinition('e')).toBeUndefined();
    expect(await registry.definitions.deleteDefinition('e')).toBe(false);
    const versions = await sql<{
      n: number;
    }>`select count(*) as n from definition_versions`.execute(registry.db);
    expect(versions.rows[0].n).toBe(0);
  });
});

describe('idempotency store', () => {
  it('keeps the first value for a key', async () => {
    const registry = await openRegistry({ sqliteFile: ':memory:' });
    try {
      expect(await registry.idempotency.lookup('s', 'k')).toBeUndefined();
      expect(await registry.idempotency.remember('s', 'k', { a: 1 })).toEqual({ a: 1 });
      expect(await registry.idempotency.remember('s', 'k', { a: 2 })).toEqual({ a: 1 });
      expect(await registry.idempotency.lookup('s', 'k')).toEqual({ a: 1 });
      expect(await registry.idempotency.lookup('other', 'k')).toBeUndefined();
    } finally {
      await registry.close();
    }
  });
});
