/**
 * Read-only views over the engine state for queries, update validators and the driver.
 */
import type { ProcessIR } from '../model/bpmn/ir';
import { bodyType } from './loop-body';
import type { ActiveElement, EngineState, UserTaskState, Variables } from './types';

/**
 * Element instances holding a token (waiting, in flight or in an incident), in creation order.
 * Built without object spreads: the driver publishes it after every step, and a parallel
 * multi-instance holds hundreds of tokens.
 */
export function activeElements(ir: ProcessIR, state: EngineState): ActiveElement[] {
  const out: ActiveElement[] = [];
  let lastMs = NaN;
  let lastIso = '';
  for (const id in state.tokens) {
    const t = state.tokens[id];
    const el = ir.elements[t.elementId];
    if (t.since !== lastMs) {
      lastMs = t.since;
      lastIso = new Date(t.since).toISOString();
    }
    const type = el ? (t.loop ? bodyType(el) : el.bpmnType) : 'unknown';
    out.push(
      el?.name !== undefined
        ? {
            flowElementInstanceId: t.feiId,
            elementId: t.elementId,
            name: el.name,
            type,
            since: lastIso,
            status: t.status,
          }
        : {
            flowElementInstanceId: t.feiId,
            elementId: t.elementId,
            type,
            since: lastIso,
            status: t.status,
          },
    );
  }
  return out;
}

export function openUserTasks(state: EngineState): UserTaskState[] {
  return Object.values(state.userTasks);
}

/**
 * `open` while the task waits; `completed` when the feiId names an element instance this
 * instance has already had (per the visit counters) that is no longer open (completed or
 * cancelled); `unknown` otherwise.
 */
export function userTaskStatus(
  state: EngineState,
  feiId: string,
): 'open' | 'completed' | 'unknown' {
  if (state.userTasks[feiId]) return 'open';
  return wasVisited(state, feiId) ? 'completed' : 'unknown';
}

/**
 * True when `feiId` names an element instance this instance has had (per the visit counters
 * or the trail), whatever its state now.
 */
export function wasVisited(state: EngineState, feiId: string): boolean {
  if (state.trail.some((e) => e.flowElementInstanceId === feiId)) return true;
  const prefix = `${state.instanceId}/`;
  if (!feiId.startsWith(prefix)) return false;
  const rest = feiId.slice(prefix.length);
  const cut = rest.lastIndexOf('/');
  if (cut <= 0) return false;
  const elementId = rest.slice(0, cut);
  const n = rest.slice(cut + 1);
  if (!/^[1-9]\d*$/.test(n)) return false;
  return Number(n) <= (state.visits[elementId] ?? 0);
}

/** The process-level variables (a copy). */
export function rootVariables(state: EngineState): Variables {
  return { ...(state.scopes[state.rootScopeId]?.variables ?? state.result ?? {}) };
}

/** No activity or child workflow in flight: waits, user tasks, timers and incidents are fine. */
export function isQuiescent(state: EngineState): boolean {
  for (const id in state.tokens) if (state.tokens[id].work) return false;
  return true;
}
