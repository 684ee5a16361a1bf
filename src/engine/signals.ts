/**
 * Signals (BPMN 2.0 §10.5.2–§10.5.4 "Signal", §13.5.x): a signal reaches every open signal
 * subscription of the instance — an event subprocess signal start (owner = its scope), a
 * signal boundary (owner = its host), an intermediate signal catch, or a signal catch raced by
 * an event-based gateway (owner = the catch or the gateway) — each of which fires. A signal
 * throw or end event delivers its signal here and also asks the driver to broadcast it to the
 * other instances and the signal start events (`broadcastSignal`); a signal from outside
 * arrives as the `signalReceived` engine event, deduplicated by its signal key.
 */
import { eventSubProcessOfStart } from './event-subprocess-model';
import type { RunContext } from './run-context';
import { dropSignals } from './signal-subscriptions';
import type { EngineEvent, SignalSubscription, Variables } from './types';

export { dropSignals, subscribeSignal } from './signal-subscriptions';

/** How many signal keys an instance remembers to drop a repeated delivery. */
export const SEEN_SIGNAL_KEYS_LIMIT = 1000;

/** Fires every subscription to `name`, in opening order; returns how many fired. */
export function deliverSignal(run: RunContext, name: string, variables: Variables): number {
  const matching = (run.state.signals ?? []).filter((s) => s.name === name);
  let fired = 0;
  for (const sub of matching) {
    if (!run.state.signals?.includes(sub)) continue; // closed by an earlier one (interrupting)
    if (fire(run, sub, variables)) fired += 1;
  }
  return fired;
}

function fire(run: RunContext, sub: SignalSubscription, variables: Variables): boolean {
  const esp = eventSubProcessOfStart(run.ir, sub.elementId);
  if (esp) {
    if (esp.interrupting) dropSignals(run.state, sub.feiId, (s) => s === sub);
    run.triggerEventSubprocess(sub.feiId, esp, variables);
    return true;
  }
  const owner = run.findToken(sub.feiId);
  if (!owner) return false;
  const el = run.element(sub.elementId);
  if (el.type === 'boundaryEvent' && el.attachedTo === owner.elementId) {
    // A non-interrupting signal boundary stays open while its host lives; an interrupting one
    // closes with its host (cancelling the host disarms it).
    if (el.cancelActivity) run.cancel(owner);
    run.spawn(owner.scopeId, el.id, variables);
    return true;
  }
  dropSignals(run.state, sub.feiId, (s) => s === sub);
  const ownerEl = run.element(owner.elementId);
  run
    .behaviour(ownerEl)
    .onEvent?.(run, owner, ownerEl, { type: 'signal', elementId: sub.elementId, variables });
  return true;
}

type SignalEvent = Extract<EngineEvent, { type: 'signalReceived' }>;

/** A signal from outside the instance: dropped when its key was seen, else delivered. */
export function receiveSignal(run: RunContext, event: SignalEvent): void {
  const { state } = run;
  if (event.signalKey !== undefined) {
    const seen = (state.seenSignalKeys ??= []);
    if (seen.includes(event.signalKey)) return;
    seen.push(event.signalKey);
    if (seen.length > SEEN_SIGNAL_KEYS_LIMIT) seen.shift();
  }
  deliverSignal(run, event.name, event.variables ?? {});
}
