/**
 * Signals inside one instance (BPMN 2.0 §10.5.2–§10.5.4 "Signal", §13.5.x): a signal throw or
 * end event broadcasts its signal name to every open signal subscription of the instance (an
 * event subprocess signal start: owner = its scope), each of which fires. Delivery goes
 * through `deliverSignal`, so a signal arriving from outside the instance (a later
 * `signalReceived` engine event, issue 15) plugs in by calling it.
 */
import { eventSubProcessOfStart } from './event-subprocess-model';
import type { RunContext } from './run-context';
import type { EngineState, SignalSubscription, Variables } from './types';

/** Opens a signal subscription. */
export function subscribeSignal(state: EngineState, sub: SignalSubscription): void {
  (state.signals ??= []).push(sub);
}

/** Removes the signal subscriptions owned by `feiId` (all, or those `which` selects). */
export function dropSignals(
  state: EngineState,
  feiId: string,
  which: (s: SignalSubscription) => boolean = () => true,
): void {
  if (!state.signals?.some((s) => s.feiId === feiId)) return;
  state.signals = state.signals.filter((s) => s.feiId !== feiId || !which(s));
}

/** Fires every subscription to `name`, in opening order; returns how many fired. */
export function deliverSignal(run: RunContext, name: string, variables: Variables): number {
  const matching = (run.state.signals ?? []).filter((s) => s.name === name);
  let fired = 0;
  for (const sub of matching) {
    if (!run.state.signals?.includes(sub)) continue; // closed by an earlier one (interrupting)
    const esp = eventSubProcessOfStart(run.ir, sub.elementId);
    if (!esp) continue;
    if (esp.interrupting) dropSignals(run.state, sub.feiId, (s) => s === sub);
    run.triggerEventSubprocess(sub.feiId, esp, variables);
    fired += 1;
  }
  return fired;
}
