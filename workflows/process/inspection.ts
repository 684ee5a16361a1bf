/**
 * What the Temporal Web UI shows of a running process besides history: the current details
 * (markdown list of active elements and incidents, free of history cost) and the search
 * attributes `WaymarkActiveElements` (the elements an instance waits at) and `WaymarkIncident`.
 *
 * Waits the Web UI already shows are left out of `WaymarkActiveElements`, because upserting for
 * them would add history events to every such node: service and send tasks are pending
 * activities, timer catches (and event-based gateways that wait for timers only) are started
 * timers whose summary is the element name; the current details list them all. User tasks,
 * message and receive waits, call activities, subprocesses and incidents stay in it.
 *
 * Every process starts with the attributes set (`processStartSearchAttributes`) and the driver
 * upserts only when they change. Runs started by older code, without them, keep the older
 * rules — timers listed, one upsert at start — so their histories replay unchanged
 * (revisions.ts `publishRules`).
 */
import type { ActiveElement, EngineState } from '../../src/engine/types';
import type { ElementIR, ProcessIR } from '../../src/model/bpmn/ir';
import type { ProcessWorkflowInput } from '../messages';

const TRANSIENT = new Set(['serviceTask', 'sendTask']);

/** Active elements listed in the current details at most (a multi-instance holds hundreds). */
const DETAILS_LIMIT = 50;

/** Compares published attributes: equal keys, nothing to upsert. */
export function attributesKey(waiting: string[], hasIncident: boolean): string {
  return `${waiting.join(',')}|${hasIncident}`;
}

/**
 * Element ids for `WaymarkActiveElements`: waits (user tasks, messages, calls; timers only with
 * `listTimers`) and elements parked at an incident, sorted.
 */
export function waitingElementIds(
  ir: ProcessIR,
  active: ActiveElement[],
  listTimers = false,
): string[] {
  const ids = new Set<string>();
  for (const a of active) {
    const el = ir.elements[a.elementId];
    if (a.status === 'incident' || (el && !shownElsewhere(ir, el, listTimers)))
      ids.add(a.elementId);
  }
  return [...ids].sort();
}

/** Shown by the Web UI as a pending activity or a started timer. */
function shownElsewhere(ir: ProcessIR, el: ElementIR, listTimers: boolean): boolean {
  return TRANSIENT.has(el.type) || (!listTimers && waitsForTimersOnly(ir, el));
}

/** A timer catch, or an event-based gateway whose every option is one. */
function waitsForTimersOnly(ir: ProcessIR, el: ElementIR): boolean {
  if (el.type === 'intermediateCatchEvent') return el.eventKind === 'timer';
  if (el.type !== 'eventBasedGateway') return false;
  return el.outgoing.every((flowId) => {
    const target = ir.elements[ir.flows[flowId]?.targetId ?? ''];
    return target?.type === 'intermediateCatchEvent' && target.eventKind === 'timer';
  });
}

/** Markdown for `setCurrentDetails`. */
export function renderDetails(
  input: ProcessWorkflowInput,
  active: ActiveElement[],
  state: EngineState,
): string {
  const d = input.definition;
  const lines = [
    `**${d.name ?? d.key}** v${d.version}${input.businessKey ? ` · ${input.businessKey}` : ''} — ${state.status}`,
    '',
  ];
  if (active.length) {
    lines.push('Active elements:');
    for (const a of active.slice(0, DETAILS_LIMIT))
      lines.push(
        `- ${a.name ?? a.elementId} (\`${a.elementId}\`, ${a.type})${a.status === 'incident' ? ' ⚠ incident' : ''}`,
      );
    if (active.length > DETAILS_LIMIT) lines.push(`- … and ${active.length - DETAILS_LIMIT} more`);
  }
  const incidents = Object.values(state.incidents);
  if (incidents.length) {
    lines.push('', 'Incidents:');
    for (const i of incidents) lines.push(`- \`${i.elementId}\`: ${i.message}`);
  }
  return lines.join('\n');
}
