/**
 * Cases: the representation of one end user (name, personal number, company, phone, …).
 * A returning user reuses their case: a case is identified by its `externalId` when it has
 * one, else by its `personalNumber`; a case with neither is always new. The identity is a
 * unique column, so two concurrent creates of the same user still yield one case.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RegistryDatabase } from './db';

export interface CasesTable {
  id: string;
  identity: string | null;
  data: string;
  created_at: string;
}

export interface CaseData {
  firstName?: string;
  lastName?: string;
  personalNumber?: string;
  companyName?: string;
  companyNumber?: string;
  companyAddress?: string;
  phone?: string;
  email?: string;
  externalId?: string;
}

export interface Case extends CaseData {
  caseId: string;
  createdAt: string;
}

export interface CaseStore {
  /** Creates a case, or returns the existing one of the same identity (`created: false`). */
  createOrReuse(data: CaseData): Promise<{ case: Case; created: boolean }>;
  get(caseId: string): Promise<Case | undefined>;
}

/** The identity rule: externalId first, else personalNumber, else none (always a new case). */
export function caseIdentity(data: CaseData): string | null {
  if (data.externalId) return `ext:${data.externalId}`;
  if (data.personalNumber) return `pn:${data.personalNumber}`;
  return null;
}

function toCase(row: CasesTable): Case {
  return {
    caseId: row.id,
    ...(JSON.parse(row.data) as CaseData),
    createdAt: row.created_at,
  };
}

export function createCaseStore(base: Kysely<RegistryDatabase>): CaseStore {
  const db = base.withTables<{ cases: CasesTable }>();
  const byIdentity = (identity: string) =>
    db.selectFrom('cases').selectAll().where('identity', '=', identity).executeTakeFirst();
  return {
    async createOrReuse(data) {
      const identity = caseIdentity(data);
      if (identity) {
        const existing = await byIdentity(identity);
        if (existing) return { case: toCase(existing), created: false };
      }
      const row: CasesTable = {
        id: randomUUID(),
        identity,
        data: JSON.stringify(data),
        created_at: new Date().toISOString(),
      };
      const inserted = await db
        .insertInto('cases')
        .values(row)
        .onConflict((oc) => oc.column('identity').doNothing())
        .executeTakeFirst();
      if (identity && Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
        const winner = await byIdentity(identity);
        if (winner) return { case: toCase(winner), created: false };
      }
      return { case: toCase(row), created: true };
    },
    async get(caseId) {
      const row = await db
        .selectFrom('cases')
        .selectAll()
        .where('id', '=', caseId)
        .executeTakeFirst();
      return row && toCase(row);
    },
  };
}
