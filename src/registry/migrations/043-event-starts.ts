/**
 * Migration 043: an index of the message and signal start events of every BPMN version
 * (`event_starts`), so a publication or broadcast finds the definitions it starts by one indexed
 * lookup instead of reading every definition's IR. Versions stored before are indexed here from
 * their compiled IR.
 */
import type { Kysely } from 'kysely';
import type { EventStartsTable } from '../db';
import { eventStartRows } from '../event-starts-index';

/** The tables as this migration reads and writes them. */
interface Tables {
  definitions: { id: string; kind: string };
  definition_versions: { definition_id: string; version: number; compiled: string };
  event_starts: EventStartsTable;
}

export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable('event_starts')
    .addColumn('definition_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('element_id', 'varchar(255)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_starts_pk', ['definition_id', 'version', 'element_id'])
    .execute();
  await db.schema
    .createIndex('event_starts_by_name')
    .on('event_starts')
    .columns(['kind', 'name'])
    .execute();
  const versions = await db
    .selectFrom('definition_versions as v')
    .innerJoin('definitions as d', 'd.id', 'v.definition_id')
    .where('d.kind', '=', 'bpmn')
    .select(['v.definition_id', 'v.version', 'v.compiled'])
    .execute();
  for (const v of versions) {
    const rows = eventStartRows(v.definition_id, Number(v.version), JSON.parse(v.compiled));
    if (rows.length > 0) await db.insertInto('event_starts').values(rows).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_starts').execute();
}
