/**
 * Parameter sets: custom parameters stored for one workflow definition, referenced by id
 * when a run starts (`POST /workflows/run {parametersId}`). Validation against the
 * parameters the definition declares happens in the API; this store only keeps them.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RegistryDatabase } from './db';

export interface ParameterSetsTable {
  id: string;
  definition_id: string;
  parameters: string;
  created_at: string;
}

export interface ParameterSet {
  parametersId: string;
  workflowDefinitionId: string;
  parameters: Record<string, unknown>;
  createdAt: string;
}

export interface ParameterStore {
  create(definitionId: string, parameters: Record<string, unknown>): Promise<ParameterSet>;
  get(parametersId: string): Promise<ParameterSet | undefined>;
}

function toSet(row: ParameterSetsTable): ParameterSet {
  return {
    parametersId: row.id,
    workflowDefinitionId: row.definition_id,
    parameters: JSON.parse(row.parameters) as Record<string, unknown>,
    createdAt: row.created_at,
  };
}

export function createParameterStore(base: Kysely<RegistryDatabase>): ParameterStore {
  const db = base.withTables<{ parameter_sets: ParameterSetsTable }>();
  return {
    async create(definitionId, parameters) {
      const row: ParameterSetsTable = {
        id: randomUUID(),
        definition_id: definitionId,
        parameters: JSON.stringify(parameters),
        created_at: new Date().toISOString(),
      };
      await db.insertInto('parameter_sets').values(row).execute();
      return toSet(row);
    },
    async get(parametersId) {
      const row = await db
        .selectFrom('parameter_sets')
        .selectAll()
        .where('id', '=', parametersId)
        .executeTakeFirst();
      return row && toSet(row);
    },
  };
}
