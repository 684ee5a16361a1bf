/**
 * Read-only views of a state-machine instance: in the shape the API shows for every instance
 * (active element = the current state, incidents, trail entries with the BPMN trail's fields
 * plus transition, trigger and data) and as markdown for Temporal's current details.
 */
import type { StateMachineIR } from '../../model/state-machine/ir';
import type { ActiveElement, Incident } from '../types';
import type { MachineState, MachineTrailEntry } from './types';

export interface MachineTrailView extends MachineTrailEntry {
  elementId: string;
  name?: string;
  type: 'state';
  flowElementInstanceId: string;
  startedAt: string;
  endedAt: string;
}

/** The current state as the one active element. */
export function machineActiveElements(ir: StateMachineIR, state: MachineState): ActiveElement[] {
  if (state.status !== 'RUNNING') return [];
  const s = ir.states[state.current];
  return [
    {
      flowElementInstanceId: `${state.instanceId}/${state.current}/${state.visits}`,
      elementId: state.current,
      ...(s?.description ? { name: s.description } : {}),
      type: 'state',
      since: new Date(state.enteredAt).toISOString(),
      status: state.incidents.length > 0 ? 'incident' : 'active',
    },
  ];
}

export function machineIncidents(state: MachineState): Incident[] {
  return state.incidents.map((i) => ({
    id: i.id,
    elementId: i.transition,
    flowElementInstanceId: i.id,
    message: i.message,
    kind: 'child',
    createdAt: i.createdAt,
  }));
}

export function machineTrail(ir: StateMachineIR, state: MachineState): MachineTrailView[] {
  return state.trail.map((e) => {
    const description = ir.states[e.toState]?.description;
    return {
      ...e,
      elementId: e.toState,
      ...(description ? { name: description } : {}),
      type: 'state',
      flowElementInstanceId: `${state.instanceId}/${e.toState}/${e.seq}`,
      startedAt: e.at,
      endedAt: e.at,
    };
  });
}

/** Markdown for `setCurrentDetails`. */
export function machineDetails(ir: StateMachineIR, state: MachineState, title: string): string {
  const s = ir.states[state.current];
  const lines = [
    `**${title}** — state **${state.current}**${s?.description ? ` (${s.description})` : ''}${state.enabled ? '' : ' · workflow disabled'}`,
  ];
  if (state.pendingAction)
    lines.push('', `Running action of \`${state.pendingAction.transition}\``);
  const timers = Object.values(state.timers);
  if (timers.length) {
    lines.push('', 'Timers:');
    for (const t of timers)
      lines.push(
        `- ${t.kind === 'timeout' ? `timeout → \`${s?.onTimeoutTransition}\`` : `poll \`${t.transition}\``} at ${new Date(t.dueAt).toISOString()}`,
      );
  }
  if (state.incidents.length) {
    lines.push('', 'Incidents:');
    for (const i of state.incidents) lines.push(`- \`${i.transition}\`: ${i.message}`);
  }
  return lines.join('\n');
}
