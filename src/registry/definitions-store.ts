/**
 * The definition store: reading definitions and their versions (`definition-model.ts` says
 * what they are), uploading a version (`create-version.ts`), deploying, enabling, deleting.
 * The compiled IR is stored next to the source so starts never recompile. Every write that
 * touches more than one row runs in one transaction: a failure leaves nothing half-created.
 *
 * The writes that deploy, enable, disable or delete take an optional `onWritten` effect: it runs
 * inside the transaction once the rows are written, and when it throws the writes roll back —
 * the API keeps a definition's Temporal Schedules (timer start events) in step this way. It
 * must not use the registry itself (the transaction holds SQLite's one connection; on
 * PostgreSQL its reads would run outside the transaction and could wait on its locks).
 *
 * A version's content never changes once written, so `compiledVersion` keeps parsed IRs in a
 * bounded in-memory cache keyed by definition id, version and content hash. Nothing mutable
 * is cached — the definition row, a version's status and "which version is the latest
 * deployed" are read on every call — so writes need no invalidation, in this process or in
 * another replica.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { createVersion, createVersions } from './create-version';
import type { RegistryDatabase } from './db';
import {
  infoColumns,
  toDefinition,
  toVersion,
  toVersionInfo,
  type CompiledVersion,
  type CreateVersionInput,
  type CreateVersionResult,
  type Definition,
  type DefinitionSummary,
  type DefinitionVersion,
  type VersionInfo,
} from './definition-model';
import { definitionsStartedBy, type EventStartKind } from './event-starts-index';
import { IrCache } from './ir-cache';
import { prepareQuery } from './prepared';
import { RegistryNotFoundError } from './store-errors';

/** An effect run inside a write's transaction after its writes; a throw rolls them back. */
export type OnWritten<T> = (written: T) => Promise<void>;

export interface DefinitionStore {
  createVersion(input: CreateVersionInput): Promise<CreateVersionResult>;
  /** Several uploads in one transaction (the processes of one BPMN file): all or none. */
  createVersions(
    inputs: readonly CreateVersionInput[],
    onWritten?: OnWritten<CreateVersionResult[]>,
  ): Promise<CreateVersionResult[]>;
  getDefinition(idOrKey: string): Promise<Definition | undefined>;
  listDefinitions(): Promise<DefinitionSummary[]>;
  listVersions(definitionId: string): Promise<VersionInfo[]>;
  getVersion(idOrKey: string, version: number): Promise<DefinitionVersion | undefined>;
  deployVersion(
    idOrKey: string,
    version: number,
    onWritten?: OnWritten<VersionInfo>,
  ): Promise<VersionInfo>;
  latestDeployed(idOrKey: string): Promise<DefinitionVersion | undefined>;
  /** Enabled BPMN definitions whose latest deployed version has a `kind` start named `name`. */
  startedBy(kind: EventStartKind, name: string): Promise<Definition[]>;
  /**
   * Version `version` of a definition (any status), or its latest deployed version when
   * `version` is omitted; the IR comes from the cache when it holds this version.
   */
  compiledVersion(definitionId: string, version?: number): Promise<CompiledVersion | undefined>;
  setEnabled(
    idOrKey: string,
    enabled: boolean,
    onWritten?: OnWritten<Definition>,
  ): Promise<Definition>;
  deleteDefinition(idOrKey: string, onWritten?: OnWritten<void>): Promise<boolean>;
}

/** The definition store over a kysely database. */
export function createDefinitionStore(
  db: Kysely<RegistryDatabase>,
  irCache = new IrCache(),
): DefinitionStore {
  // The lookups every start makes, compiled once (prepared.ts).
  const definitionRows = prepareQuery(db, (q, idOrKey: string) =>
    q
      .selectFrom('definitions')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', idOrKey), eb('key', '=', idOrKey)])),
  );
  const latestDeployedInfo = prepareQuery(db, (q, definitionId: string) =>
    q
      .selectFrom('definition_versions')
      .select(infoColumns)
      .where('definition_id', '=', definitionId)
      .where('status', '=', 'deployed')
      .orderBy('version', 'desc')
      // A literal limit: with a bound one this query ran ~4× slower on better-sqlite3.
      .limit(sql.lit(1)),
  );
  const versionInfo = prepareQuery(db, (q, definitionId: string, version: number) =>
    q
      .selectFrom('definition_versions')
      .select(infoColumns)
      .where('definition_id', '=', definitionId)
      .where('version', '=', version),
  );

  /** The definition whose id is `idOrKey`, else the one whose key is: one query for both. */
  async function findDefinitionRow(trx: Kysely<RegistryDatabase>, idOrKey: string) {
    const rows = await definitionRows(trx, idOrKey);
    return rows.find((r) => r.id === idOrKey) ?? rows[0];
  }

  async function requireDefinition(trx: Kysely<RegistryDatabase>, idOrKey: string) {
    const row = await findDefinitionRow(trx, idOrKey);
    if (!row) throw new RegistryNotFoundError(`definition '${idOrKey}' not found`);
    return row;
  }

  return {
    createVersion: (input) => createVersion(db, input),
    createVersions: (inputs, onWritten) => createVersions(db, inputs, onWritten),

    async getDefinition(idOrKey) {
      const row = await findDefinitionRow(db, idOrKey);
      return row && toDefinition(row);
    },

    async listDefinitions() {
      const rows = await db
        .selectFrom('definitions as d')
        .selectAll('d')
        .select((eb) => [
          eb
            .selectFrom('definition_versions as v')
            .whereRef('v.definition_id', '=', 'd.id')
            .select((e) => e.fn.max('v.version').as('m'))
            .as('latest_version'),
          eb
            .selectFrom('definition_versions as v')
            .whereRef('v.definition_id', '=', 'd.id')
            .where('v.status', '=', 'deployed')
            .select((e) => e.fn.max('v.version').as('m'))
            .as('deployed_version'),
        ])
        .orderBy('d.key')
        .execute();
      return rows.map((r) => ({
        ...toDefinition(r),
        latestVersion: Number(r.latest_version ?? 0),
        deployedVersion: r.deployed_version == null ? null : Number(r.deployed_version),
      }));
    },

    async listVersions(definitionId) {
      const rows = await db
        .selectFrom('definition_versions')
        .select(infoColumns)
        .where('definition_id', '=', definitionId)
        .orderBy('version', 'asc')
        .execute();
      return rows.map(toVersionInfo);
    },

    async getVersion(idOrKey, version) {
      const def = await findDefinitionRow(db, idOrKey);
      if (!def) return undefined;
      const row = await db
        .selectFrom('definition_versions')
        .selectAll()
        .where('definition_id', '=', def.id)
        .where('version', '=', version)
        .executeTakeFirst();
      return row && toVersion(row);
    },

    async deployVersion(idOrKey, version, onWritten) {
      return db.transaction().execute(async (trx) => {
        const def = await requireDefinition(trx, idOrKey);
        const row = await trx
          .selectFrom('definition_versions')
          .select(infoColumns)
          .where('definition_id', '=', def.id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (!row)
          throw new RegistryNotFoundError(`definition '${def.key}' has no version ${version}`);
        if (row.status === 'deployed') {
          await onWritten?.(toVersionInfo(row));
          return toVersionInfo(row);
        }
        const now = new Date().toISOString();
        await trx
          .updateTable('definition_versions')
          .set({ status: 'deployed', deployed_at: now })
          .where('definition_id', '=', def.id)
          .where('version', '=', version)
          .execute();
        await trx
          .updateTable('definitions')
          .set({ updated_at: now })
          .where('id', '=', def.id)
          .execute();
        const deployed = toVersionInfo({ ...row, status: 'deployed', deployed_at: now });
        await onWritten?.(deployed);
        return deployed;
      });
    },

    async latestDeployed(idOrKey) {
      const def = await findDefinitionRow(db, idOrKey);
      if (!def) return undefined;
      const row = await db
        .selectFrom('definition_versions')
        .selectAll()
        .where('definition_id', '=', def.id)
        .where('status', '=', 'deployed')
        .orderBy('version', 'desc')
        .executeTakeFirst();
      return row && toVersion(row);
    },

    startedBy: (kind, name) => definitionsStartedBy(db, kind, name),

    async compiledVersion(definitionId, version) {
      const [row] =
        version === undefined
          ? await latestDeployedInfo(db, definitionId)
          : await versionInfo(db, definitionId, version);
      if (!row) return undefined;
      const key = `${row.definition_id}/${row.version}/${row.content_hash}`;
      let compiled = irCache.get(key);
      if (compiled === undefined) {
        const source = await db
          .selectFrom('definition_versions')
          .select('compiled')
          .where('definition_id', '=', row.definition_id)
          .where('version', '=', row.version)
          .executeTakeFirst();
        if (!source) return undefined; // deleted between the two reads
        compiled = irCache.add(key, source.compiled);
      }
      return { ...toVersionInfo(row), compiled };
    },

    async setEnabled(idOrKey, enabled, onWritten) {
      return db.transaction().execute(async (trx) => {
        const def = await requireDefinition(trx, idOrKey);
        const now = new Date().toISOString();
        await trx
          .updateTable('definitions')
          .set({ enabled: enabled ? 1 : 0, updated_at: now })
          .where('id', '=', def.id)
          .execute();
        const updated = toDefinition({ ...def, enabled: enabled ? 1 : 0, updated_at: now });
        await onWritten?.(updated);
        return updated;
      });
    },

    async deleteDefinition(idOrKey, onWritten) {
      return db.transaction().execute(async (trx) => {
        const def = await findDefinitionRow(trx, idOrKey);
        if (!def) return false;
        await trx.deleteFrom('event_starts').where('definition_id', '=', def.id).execute();
        await trx.deleteFrom('definition_versions').where('definition_id', '=', def.id).execute();
        await trx.deleteFrom('definitions').where('id', '=', def.id).execute();
        await onWritten?.();
        return true;
      });
    },
  };
}
