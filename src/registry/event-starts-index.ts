/**
 * The index of message and signal start events (`event_starts`, migration 043): one row per
 * process-level message or signal start event of each BPMN version, written with the version,
 * and the lookup a publication or a broadcast makes — the enabled BPMN definitions whose latest
 * deployed version starts at a `kind` event named `name`.
 */
import type { Kysely } from 'kysely';
import type { EventStartsTable, RegistryDatabase } from './db';
import { toDefinition, type Definition } from './definition-model';

export type EventStartKind = 'message' | 'signal';

interface StartLike {
  elementId: string;
  kind: string;
  message?: { name?: string };
  signal?: string;
}

/** The index rows of one version's compiled IR (none for other kinds of definition). */
export function eventStartRows(
  definitionId: string,
  version: number,
  compiled: unknown,
): EventStartsTable[] {
  const starts = (compiled as { startEvents?: StartLike[] } | null)?.startEvents ?? [];
  const rows: EventStartsTable[] = [];
  for (const s of starts) {
    const name = s.kind === 'message' ? s.message?.name : s.kind === 'signal' ? s.signal : '';
    if (!name) continue;
    rows.push({
      definition_id: definitionId,
      version,
      element_id: s.elementId,
      kind: s.kind,
      name,
    });
  }
  return rows;
}

/** Indexes a version just stored, inside the transaction that stores it. */
export async function indexEventStarts(
  trx: Kysely<RegistryDatabase>,
  definitionId: string,
  version: number,
  compiled: unknown,
): Promise<void> {
  const rows = eventStartRows(definitionId, version, compiled);
  if (rows.length > 0) await trx.insertInto('event_starts').values(rows).execute();
}

/** The enabled BPMN definitions whose latest deployed version starts at `kind` `name`. */
export async function definitionsStartedBy(
  db: Kysely<RegistryDatabase>,
  kind: EventStartKind,
  name: string,
): Promise<Definition[]> {
  const rows = await db
    .selectFrom('event_starts as e')
    .innerJoin('definitions as d', 'd.id', 'e.definition_id')
    .where('e.kind', '=', kind)
    .where('e.name', '=', name)
    .where('d.kind', '=', 'bpmn')
    .where('d.enabled', '=', 1)
    .where((eb) =>
      eb(
        'e.version',
        '=',
        eb
          .selectFrom('definition_versions as v')
          .whereRef('v.definition_id', '=', 'd.id')
          .where('v.status', '=', 'deployed')
          .select((f) => f.fn.max('v.version').as('m')),
      ),
    )
    .selectAll('d')
    .distinct()
    .orderBy('d.id')
    .execute();
  return rows.map(toDefinition);
}
