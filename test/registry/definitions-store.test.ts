/**
 * The definitions registry on both stores (in-memory SQLite, a throwaway PostgreSQL):
 * migrations, version numbering, transactional creation, deploy, enable/disable and delete.
 */
import { sql } from 'kysely';
import {
  RegistryConflictError,
  RegistryInputError,
  RegistryNotFoundError,
} from '../../src/registry';
import type { Registry } from '../../src/registry';
import { migrateToLatest } from '../../src/registry/migrations';
import { registryBackends, useBackend } from '../support/registry-backends';

describe.each(registryBackends)('%s registry', (name) => {
  const backend = useBackend(name);

  const ir = (id: string) => ({ kind: 'bpmn', processId: id, elements: {}, flows: {} });

  describe('definitions store', () => {
    let registry: Registry;
    beforeEach(async () => {
      registry = await backend.open();
    });
    afterEach(async () => {
      await registry.close();
    });

    it('runs the migrations once and creates the tables', async () => {
      // given a migrated database, when migrating again, then nothing runs
      expect(await migrateToLatest(registry.db, registry.dialect)).toEqual([]);
      const tables = await registry.db.introspection.getTables();
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining(['definitions', 'definition_versions', 'idempotency_keys']),
      );
      await expect(registry.ping()).resolves.toBeUndefined();
    });

    it('rolls a write back when its onWritten effect throws, and keeps it when it succeeds', async () => {
      // given an effect that fails (as a refused timer start schedule does)
      const refuse = async () => {
        throw new Error('Temporal refused');
      };
      const input = (key: string) => ({
        key,
        kind: 'bpmn' as const,
        source: `<${key}/>`,
        sourceType: 'xml' as const,
        compiled: ir(key),
        deploy: true,
      });
      // when an upload with deploy runs it, then nothing of the upload is stored
      await expect(registry.definitions.createVersions([input('r')], refuse)).rejects.toThrow(
        'Temporal refused',
      );
      expect(await registry.definitions.getDefinition('r')).toBeUndefined();
      // and the effect sees what was written when it succeeds
      const seen: number[] = [];
      await registry.definitions.createVersions([{ ...input('r'), deploy: false }], async (rs) => {
        seen.push(rs[0].version.version);
      });
      expect(seen).toEqual([1]);
      // when deploy, disable and delete fail in their effect, then each is undone
      await expect(registry.definitions.deployVersion('r', 1, refuse)).rejects.toThrow();
      expect((await registry.definitions.getVersion('r', 1))?.status).toBe('draft');
      await expect(registry.definitions.setEnabled('r', false, refuse)).rejects.toThrow();
      expect((await registry.definitions.getDefinition('r'))?.enabled).toBe(true);
      await expect(registry.definitions.deleteDefinition('r', refuse)).rejects.toThrow();
      expect(await registry.definitions.getDefinition('r')).toBeDefined();
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
        await registry.definitions.listVersions(
          (await registry.definitions.getDefinition('k'))!.id,
        ),
      ).toHaveLength(1);
    });

    it('refuses a key longer than the registry stores, alike on both stores', async () => {
      // given a key of 256 characters, when uploading it, then it is bad input and nothing is stored
      const key = 'k'.repeat(256);
      await expect(
        registry.definitions.createVersion({
          key,
          kind: 'bpmn',
          source: '<k/>',
          sourceType: 'xml',
          compiled: {},
        }),
      ).rejects.toBeInstanceOf(RegistryInputError);
      expect(await registry.definitions.listDefinitions()).toEqual([]);
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
      expect((await registry.definitions.deployVersion('p', 1)).deployedAt).toBe(
        deployed.deployedAt,
      );
      await expect(registry.definitions.deployVersion('p', 9)).rejects.toBeInstanceOf(
        RegistryNotFoundError,
      );
      await expect(registry.definitions.deployVersion('nope', 1)).rejects.toBeInstanceOf(
        RegistryNotFoundError,
      );
    });

    it('prefers the definition whose id matches over one whose key equals that id', async () => {
      // given a definition, and another whose key is the first one's id
      const first = await registry.definitions.createVersion({
        key: 'first',
        kind: 'bpmn',
        source: '<f/>',
        sourceType: 'xml',
        compiled: ir('first'),
      });
      const id = first.definition.id;
      const second = await registry.definitions.createVersion({
        key: id,
        kind: 'bpmn',
        source: '<s/>',
        sourceType: 'xml',
        compiled: ir('second'),
      });
      // when looked up by that string, then the id wins; the key still finds the other
      expect((await registry.definitions.getDefinition(id))?.key).toBe('first');
      expect((await registry.definitions.getDefinition(second.definition.id))?.key).toBe(id);
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
        n: number | string;
      }>`select count(*) as n from definition_versions`.execute(registry.db);
      expect(Number(versions.rows[0].n)).toBe(0);
    });
  });

  describe('compiled versions for starts', () => {
    let registry: Registry;
    beforeEach(async () => {
      registry = await backend.open();
    });
    afterEach(async () => {
      await registry.close();
    });

    const upload = (key: string, marker: string, deploy = false) =>
      registry.definitions.createVersion({
        key,
        kind: 'bpmn',
        source: `<${marker}/>`,
        sourceType: 'xml',
        compiled: { ...ir(key), name: marker },
        deploy,
      });

    it('follows the latest deployed version at once; names any version', async () => {
      // given v1 deployed and read once (so its IR is cached)
      const { definition } = await upload('c', 'one', true);
      expect(await registry.definitions.compiledVersion(definition.id)).toMatchObject({
        version: 1,
        status: 'deployed',
        compiled: { name: 'one' },
      });
      // when v2 is a draft, then starts still get v1, and v2 by number is the draft
      await upload('c', 'two');
      expect((await registry.definitions.compiledVersion(definition.id))?.version).toBe(1);
      expect(await registry.definitions.compiledVersion(definition.id, 2)).toMatchObject({
        status: 'draft',
        compiled: { name: 'two' },
      });
      // when v2 is deployed, then the next read gets it, with its own IR
      await registry.definitions.deployVersion('c', 2);
      expect(await registry.definitions.compiledVersion(definition.id)).toMatchObject({
        version: 2,
        status: 'deployed',
        compiled: { name: 'two' },
      });
      expect(await registry.definitions.compiledVersion(definition.id, 3)).toBeUndefined();
      expect(await registry.definitions.compiledVersion('nope')).toBeUndefined();
    });

    it('serves a version IR from the cache, frozen, and nothing after a delete', async () => {
      // given a deployed version read once
      const { definition } = await upload('d', 'one', true);
      const first = await registry.definitions.compiledVersion(definition.id);
      // when the stored IR text changes behind the store's back (it never does in use)
      await sql`update definition_versions set compiled = '{"name":"changed"}'`.execute(
        registry.db,
      );
      // then the same frozen object is served again
      const again = await registry.definitions.compiledVersion(definition.id);
      expect(again?.compiled).toBe(first?.compiled);
      expect(Object.isFrozen(again?.compiled)).toBe(true);
      expect(Object.isFrozen((again?.compiled as { elements: object }).elements)).toBe(true);
      // and a deleted definition has no version, whatever the cache holds
      await registry.definitions.deleteDefinition('d');
      expect(await registry.definitions.compiledVersion(definition.id)).toBeUndefined();
      // and a new definition under the same key is a new id with its own IR
      const { definition: reborn } = await upload('d', 'reborn', true);
      expect(reborn.id).not.toBe(definition.id);
      expect((await registry.definitions.compiledVersion(reborn.id))?.compiled).toMatchObject({
        name: 'reborn',
      });
    });
  });

  describe('idempotency store', () => {
    it('keeps the first value for a key', async () => {
      const registry = await backend.open();
      try {
        const first = { value: { a: 1 }, requestHash: 'h1' };
        expect(await registry.idempotency.lookup('s', 'k')).toBeUndefined();
        expect(await registry.idempotency.remember('s', 'k', { a: 1 }, 'h1')).toEqual(first);
        expect(await registry.idempotency.remember('s', 'k', { a: 2 }, 'h2')).toEqual(first);
        expect(await registry.idempotency.lookup('s', 'k')).toEqual(first);
        expect(await registry.idempotency.lookup('other', 'k')).toBeUndefined();
      } finally {
        await registry.close();
      }
    });
  });
});
