/**
 * Uploading a definition's source: one transaction that finds or creates the definition
 * (409 when its key belongs to another kind), adds a new draft version — unless the source
 * equals the latest version's, which is then returned instead — deploys it when asked, and
 * keeps the definition's name current. A failure leaves nothing half-created; the processes
 * of one BPMN file are stored together the same way (`createVersions`). Concurrent uploads
 * (several API processes on one PostgreSQL registry) serialize on the definition's row.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DefinitionsTable, DefinitionVersionsTable, RegistryDatabase } from './db';
import { indexEventStarts } from './event-starts-index';
import {
  contentHash,
  infoColumns,
  toDefinition,
  toVersionInfo,
  type CreateVersionInput,
  type CreateVersionResult,
} from './definition-model';
import {
  MAX_KEY_LENGTH,
  RegistryConflictError,
  RegistryInputError,
  asConflict,
} from './store-errors';

type DefinitionRow = Selectable<DefinitionsTable>;
type VersionInfoRow = Omit<Selectable<DefinitionVersionsTable>, 'source' | 'compiled'>;

/**
 * The row of the definition with this key, locked for the rest of the transaction: a no-op
 * update takes PostgreSQL's row lock (SQLite has one writer anyway), so concurrent uploads of
 * one definition number their versions one after the other instead of both taking the same.
 */
function lockByKey(trx: Kysely<RegistryDatabase>, key: string) {
  return trx
    .updateTable('definitions')
    .set((eb) => ({ key: eb.ref('key') }))
    .where('key', '=', key)
    .returningAll()
    .executeTakeFirst();
}

/**
 * The definition with this key (of this kind), created when there is none. A concurrent upload
 * creating the same key is deduplicated by the key's unique constraint (`on conflict do
 * nothing`): the loser reads and locks the winner's row.
 */
async function definitionFor(
  trx: Kysely<RegistryDatabase>,
  input: CreateVersionInput,
  now: string,
): Promise<DefinitionRow> {
  if (input.key.length > MAX_KEY_LENGTH)
    throw new RegistryInputError(`key is longer than ${MAX_KEY_LENGTH} characters`);
  let row = await lockByKey(trx, input.key);
  if (!row) {
    const created: DefinitionRow = {
      id: randomUUID(),
      key: input.key,
      kind: input.kind,
      name: input.name ?? null,
      enabled: 1,
      created_at: now,
      updated_at: now,
    };
    const inserted = await trx
      .insertInto('definitions')
      .values(created)
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return created;
    row = await lockByKey(trx, input.key);
    if (!row) throw new RegistryConflictError(`key '${input.key}' was deleted meanwhile; retry`);
  }
  if (row.kind !== input.kind) {
    throw new RegistryConflictError(
      `key '${input.key}' already belongs to a ${row.kind} definition, not ${input.kind}`,
    );
  }
  return row;
}

/** A new draft version, or the latest one when its content is the same (`created` false). */
async function versionFor(
  trx: Kysely<RegistryDatabase>,
  definitionId: string,
  input: CreateVersionInput,
  now: string,
): Promise<{ row: VersionInfoRow; created: boolean }> {
  const hash = contentHash(input.source);
  const latest = await trx
    .selectFrom('definition_versions')
    .select(infoColumns)
    .where('definition_id', '=', definitionId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  // Same content as the latest version: uploading it again is not a new version.
  if (latest && latest.content_hash === hash) return { row: latest, created: false };
  const row: VersionInfoRow = {
    definition_id: definitionId,
    version: (latest ? Number(latest.version) : 0) + 1,
    status: 'draft',
    source_type: input.sourceType,
    content_hash: hash,
    created_at: now,
    deployed_at: null,
  };
  await trx
    .insertInto('definition_versions')
    .values({ ...row, source: input.source, compiled: JSON.stringify(input.compiled) })
    .execute();
  if (input.kind === 'bpmn') await indexEventStarts(trx, definitionId, row.version, input.compiled);
  return { row, created: true };
}

async function deploy(
  trx: Kysely<RegistryDatabase>,
  row: VersionInfoRow,
  now: string,
): Promise<VersionInfoRow> {
  if (row.status === 'deployed') return row;
  await trx
    .updateTable('definition_versions')
    .set({ status: 'deployed', deployed_at: now })
    .where('definition_id', '=', row.definition_id)
    .where('version', '=', row.version)
    .execute();
  return { ...row, status: 'deployed', deployed_at: now };
}

/** One upload inside the caller's transaction. */
async function createIn(
  trx: Kysely<RegistryDatabase>,
  input: CreateVersionInput,
  now: string,
): Promise<CreateVersionResult> {
  let defRow = await definitionFor(trx, input, now);
  const { row, created } = await versionFor(trx, defRow.id, input, now);
  const versionRow = input.deploy ? await deploy(trx, row, now) : row;
  const name = input.name ?? defRow.name;
  // A new version that says whether it is enabled sets the flag in the same write.
  const enabled =
    created && input.enabled !== undefined ? (input.enabled ? 1 : 0) : Number(defRow.enabled);
  if (created || name !== defRow.name) {
    await trx
      .updateTable('definitions')
      .set({ name, enabled, updated_at: now })
      .where('id', '=', defRow.id)
      .execute();
    defRow = { ...defRow, name, enabled, updated_at: now };
  }
  return { definition: toDefinition(defRow), version: toVersionInfo(versionRow), created };
}

/** Stores `input` as a new version of its definition (see the module comment). */
export function createVersion(
  db: Kysely<RegistryDatabase>,
  input: CreateVersionInput,
): Promise<CreateVersionResult> {
  return asConflict(() =>
    db.transaction().execute((trx) => createIn(trx, input, new Date().toISOString())),
  );
}

/**
 * Stores several uploads — the processes of one BPMN file — in one transaction, in order:
 * all of them or, when one fails (a key of another kind), none.
 */
export function createVersions(
  db: Kysely<RegistryDatabase>,
  inputs: readonly CreateVersionInput[],
  onWritten?: (results: CreateVersionResult[]) => Promise<void>,
): Promise<CreateVersionResult[]> {
  return asConflict(() =>
    db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      const results: CreateVersionResult[] = [];
      for (const input of inputs) results.push(await createIn(trx, input, now));
      // The caller's effect (schedules of timer starts): a throw rolls the versions back.
      await onWritten?.(results);
      return results;
    }),
  );
}
