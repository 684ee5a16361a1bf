/**
 * Row counts of every registry table (definitions, versions, cases, parameters,
 * environments, webhooks, idempotency records, …) through the registry's own database handle,
 * whatever the dialect: the API fuzzer compares them around a rejected request.
 */
import { sql } from 'kysely';
import type { Registry } from '../../../src/registry';

export async function storeCounts(registry: Registry): Promise<Record<string, number>> {
  const tables = await registry.db.introspection.getTables();
  const out: Record<string, number> = {};
  for (const t of tables) {
    const rows = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(t.name)}`.execute(registry.db);
    out[t.name] = Number(rows.rows[0].n);
  }
  return out;
}
