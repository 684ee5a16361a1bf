/**
 * Migration 040: cases (one end user each) and parameter sets (custom parameters for one
 * workflow definition). Plain SQL types only (see ../db.ts); JSON is text.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    /** The identity a returning user is recognised by (`ext:<externalId>` / `pn:<personalNumber>`). */
    .addColumn('identity', 'varchar(300)', (c) => c.unique())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('parameter_sets')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('definition_id', 'varchar(36)', (c) =>
      c.notNull().references('definitions.id').onDelete('cascade'),
    )
    .addColumn('parameters', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('parameter_sets').execute();
  await db.schema.dropTable('cases').execute();
}
