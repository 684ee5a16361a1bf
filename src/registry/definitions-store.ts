/**
 * Definitions and their versions. A definition is a stable id + key + kind; each upload of
 * its source is a new numbered version, first `draft`, then `deployed`. The compiled IR is
 * stored next to the source so starts never recompile. Every write that touches more than
 * one row runs in one transaction: a failure leaves nothing half-created.
 *
 * A version's content never changes once written, so `compiledVersion` keeps parsed IRs in a
 * bounded in-memory cache keyed by definition id, version and content hash. Nothing mutable
 * is cached — the definition row, a version's status and "which version is the latest
 * deployed" are read on every call — so writes need no invalidation, in this process or in
 * another replica.
 */
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type { DefinitionsTable, DefinitionVersionsTable, RegistryDatabase } from './db';
import { RegistryConflictError, RegistryNotFoundError } from './errors';
import { IrCache } from './ir-cache';
import { prepareQuery } from './prepared';

export type DefinitionKind = 'bpmn' | 'state-machine' | 'integration';
export type VersionStatus = 'draft' | 'deployed';
export type SourceType = 'xml' | 'json';

export interface Definition {
  id: string;
  key: string;
  kind: DefinitionKind;
  name: string | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A definition with the numbers a listing needs. */
export interface DefinitionSummary extends Definition {
  latestVersion: number;
  deployedVersion: number | null;
}

export interface DefinitionVersion {
  definitionId: string;
  version: number;
  status: VersionStatus;
  source: string;
  sourceType: SourceType;
  /** The compiled IR (parsed JSON). */
  compiled: unknown;
  contentHash: string;
  createdAt: string;
  deployedAt: string | null;
}

/** A version without its (possibly large) source and IR. */
export type VersionInfo = Omit<DefinitionVersion, 'source' | 'compiled'>;

/** A version with its IR but not its source: what a start needs. The IR is frozen (shared). */
export type CompiledVersion = Omit<DefinitionVersion, 'source'>;

export interface CreateVersionInput {
  key: string;
  kind: DefinitionKind;
  name?: string | null;
  source: string;
  sourceType: SourceType;
  compiled: unknown;
  /** Deploy the new version at once. */
  deploy?: boolean;
}

export interface CreateVersionResult {
  definition: Definition;
  version: VersionInfo;
  /** false when the source equals the latest version's: that version is returned instead. */
  created: boolean;
}

export interface DefinitionStore {
  createVersion(input: CreateVersionInput): Promise<CreateVersionResult>;
  getDefinition(idOrKey: string): Promise<Definition | undefined>;
  listDefinitions(): Promise<DefinitionSummary[]>;
  listVersions(definitionId: string): Promise<VersionInfo[]>;
  getVersion(idOrKey: string, version: number): Promise<DefinitionVersion | undefined>;
  deployVersion(idOrKey: string, version: number): Promise<VersionInfo>;
  latestDeployed(idOrKey: string): Promise<DefinitionVersion | undefined>;
  /**
   * Version `version` of a definition (any status), or its latest deployed version when
   * `version` is omitted; the IR comes from the cache when it holds this version.
   */
  compiledVersion(definitionId: string, version?: number): Promise<CompiledVersion | undefined>;
  setEnabled(idOrKey: string, enabled: boolean): Promise<Definition>;
  deleteDefinition(idOrKey: string): Promise<boolean>;
}

/** sha256 of the source text, hex. */
export function contentHash(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex');
}

function toDefinition(row: Selectable<DefinitionsTable>): Definition {
  return {
    id: row.id,
    key: row.key,
    kind: row.kind as DefinitionKind,
    name: row.name,
    enabled: Number(row.enabled) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toVersionInfo(
  row: Omit<Selectable<DefinitionVersionsTable>, 'source' | 'compiled'>,
): VersionInfo {
  return {
    definitionId: row.definition_id,
    version: Number(row.version),
    status: row.status as VersionStatus,
    sourceType: row.source_type as SourceType,
    contentHash: row.content_hash,
    createdAt: row.created_at,
    deployedAt: row.deployed_at,
  };
}

function toVersion(row: Selectable<DefinitionVersionsTable>): DefinitionVersion {
  return {
    ...toVersionInfo(row),
    source: row.source,
    compiled: JSON.parse(row.compiled) as unknown,
  };
}

const infoColumns = [
  'definition_id',
  'version',
  'status',
  'source_type',
  'content_hash',
  'created_at',
  'deployed_at',
] as const;

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
    async createVersion(input) {
      return db.transaction().execute(async (trx) => {
        const now = new Date().toISOString();
        const hash = contentHash(input.source);
        let defRow = await trx
          .selectFrom('definitions')
          .selectAll()
          .where('key', '=', input.key)
          .executeTakeFirst();
        if (defRow && defRow.kind !== input.kind) {
          throw new RegistryConflictError(
            `key '${input.key}' already belongs to a ${defRow.kind} definition, not ${input.kind}`,
          );
        }
        if (!defRow) {
          defRow = {
            id: randomUUID(),
            key: input.key,
            kind: input.kind,
            name: input.name ?? null,
            enabled: 1,
            created_at: now,
            updated_at: now,
          };
          await trx.insertInto('definitions').values(defRow).execute();
        }
        const latest = await trx
          .selectFrom('definition_versions')
          .select(infoColumns)
          .where('definition_id', '=', defRow.id)
          .orderBy('version', 'desc')
          .executeTakeFirst();

        let created = true;
        let versionRow: Omit<Selectable<DefinitionVersionsTable>, 'source' | 'compiled'>;
        if (latest && latest.content_hash === hash) {
          // Same content as the latest version: uploading it again is not a new version.
          created = false;
          versionRow = latest;
        } else {
          versionRow = {
            definition_id: defRow.id,
            version: (latest ? Number(latest.version) : 0) + 1,
            status: 'draft',
            source_type: input.sourceType,
            content_hash: hash,
            created_at: now,
            deployed_at: null,
          };
          await trx
            .insertInto('definition_versions')
            .values({
              ...versionRow,
              source: input.source,
              compiled: JSON.stringify(input.compiled),
            })
            .execute();
        }
        if (input.deploy && versionRow.status !== 'deployed') {
          await trx
            .updateTable('definition_versions')
            .set({ status: 'deployed', deployed_at: now })
            .where('definition_id', '=', defRow.id)
            .where('version', '=', versionRow.version)
            .execute();
          versionRow = { ...versionRow, status: 'deployed', deployed_at: now };
        }
        const name = input.name ?? defRow.name;
        if (created || name !== defRow.name) {
          await trx
            .updateTable('definitions')
            .set({ name, updated_at: now })
            .where('id', '=', defRow.id)
            .execute();
          defRow = { ...defRow, name, updated_at: now };
        }
        return { definition: toDefinition(defRow), version: toVersionInfo(versionRow), created };
      });
    },

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

    async deployVersion(idOrKey, version) {
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
        if (row.status === 'deployed') return toVersionInfo(row);
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
        return toVersionInfo({ ...row, status: 'deployed', deployed_at: now });
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

    async setEnabled(idOrKey, enabled) {
      return db.transaction().execute(async (trx) => {
        const def = await requireDefinition(trx, idOrKey);
        const now = new Date().toISOString();
        await trx
          .updateTable('definitions')
          .set({ enabled: enabled ? 1 : 0, updated_at: now })
          .where('id', '=', def.id)
          .execute();
        return toDefinition({ ...def, enabled: enabled ? 1 : 0, updated_at: now });
      });
    },

    async deleteDefinition(idOrKey) {
      return db.transaction().execute(async (trx) => {
        const def = await findDefinitionRow(trx, idOrKey);
        if (!def) return false;
        await trx.deleteFrom('definition_versions').where('definition_id', '=', def.id).execute();
        await trx.deleteFrom('definitions').where('id', '=', def.id).execute();
        return true;
      });
    },
  };
}
