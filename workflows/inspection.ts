/**
 * What the Temporal Web UI shows of a running process besides history: the current details
 * (markdown list of active elements and incidents, free of history cost) and the list of
 * elements an instance waits at for the `WaymarkActiveElements` search attribute. Service tasks
 * are left out of the search attribute on purpose: they are visible as pending activities, and
 * upserting per task would add a history event to every node.
 */
import type { ActiveElement, EngineState } from '../src/engine/types';
import type { ProcessIR } from '../src/model/ir';
import type { ProcessWorkflowInput } from './messages';

const TRANSIENT = new Set(['serviceTask', 'sendTask']);

/** Element ids that are waits (user tasks, messages, timers, calls) or parked at an incident. */
export function waitingElementIds(ir: ProcessIR, active: ActiveElement[]): string[] {
  const ids = new Set<string>();
  for (const a of active) {
    const type = ir.elements[a.elementId]?.type;
    if (a.status === 'incident' || (type && !TRANSIENT.has(type))) ids.add(a.elementId);
  }
  return [...ids].sort();
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
    for (const a of active)
      lines.push(
        `- ${a.name ?? a.elementId} (\`${a.elementId}\`, ${a.type})${a.status === 'incident' ? ' ⚠ incident' : ''}`,
      );
  }
  const incidents = Object.values(state.incidents);
  if (incidents.length) {
    lines.push('', 'Incidents:');
    for (const i of incidents) lines.push(`- \`${i.elementId}\`: ${i.message}`);
  }
  return lines.join('\n');
}
