/**
 * The bookkeeping of open signal subscriptions (`state.signals`): opening one, dropping those an
 * owner holds. Kept apart from delivery (signals.ts) so the modules that only open or close
 * subscriptions (events.ts, event-subprocesses.ts) do not depend on how a signal fires.
 */
import type { EngineState, SignalSubscription } from './types';

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
