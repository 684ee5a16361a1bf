/**
 * Incidents about the instance as a whole rather than one element's work — its state no longer
 * fits a payload, so it cannot continue as new; its history nears Temporal's length limit.
 * They carry the process id as element and the root scope as element instance; retrying one
 * only clears it (no element runs again), and the driver raises it again if the cause remains.
 */
import type { EngineState, Incident } from './types';

/** Adds an instance incident (unless an open one has the same message) and returns its id. */
export function raiseInstanceIncident(
  state: EngineState,
  elementId: string,
  message: string,
  now: number,
): string {
  const open = Object.values(state.incidents).find(
    (i) => i.flowElementInstanceId === state.rootScopeId && i.message === message,
  );
  if (open) return open.id;
  state.seq += 1;
  const id = `i${state.seq}`;
  const incident: Incident = {
    id,
    elementId,
    flowElementInstanceId: state.rootScopeId,
    message,
    kind: 'error',
    createdAt: new Date(now).toISOString(),
  };
  state.incidents[id] = incident;
  return id;
}

/** Whether the instance has an open instance incident (one not about an element's work). */
export function hasInstanceIncident(state: EngineState): boolean {
  return Object.values(state.incidents).some((i) => i.flowElementInstanceId === state.rootScopeId);
}
