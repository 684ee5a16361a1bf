/**
 * What the drivers share about time and a run's lifetime: workflow time, durable timers, and
 * when a run should hand over to a new one through continue-as-new.
 */
import { sleep, workflowInfo, type CancellationScope } from '@temporalio/workflow';

/** Workflow time: in the sandbox `Date.now()` is the time of the current workflow task. */
export function now(): number {
  return Date.now();
}

/**
 * How long a run's history may grow. `historyEvents`: continue-as-new once history reaches this
 * length (WAYMARK_CONTINUE_AS_NEW_EVENTS; otherwise when Temporal suggests it). `guardEvents`:
 * the history guard's event count (WAYMARK_HISTORY_GUARD_EVENTS; HISTORY_GUARD below).
 */
export interface RunLimits {
  historyEvents?: number;
  guardEvents?: number;
}

/**
 * Continue-as-new is due: Temporal suggests it, or the history reached the test and benchmark
 * knob `limits.historyEvents`.
 */
export function continueAsNewDue(limits: { historyEvents?: number } | undefined): boolean {
  const historyLimit = limits?.historyEvents;
  const i = workflowInfo();
  return (
    i.continueAsNewSuggested || (historyLimit !== undefined && i.historyLength >= historyLimit)
  );
}

/**
 * Temporal terminates a workflow whose history reaches 51,200 events (or 50 MB). Well before
 * that — 40,000 events or 40 MB — a run that could not hand over parks an incident instead.
 */
export const HISTORY_GUARD = { events: 40_000, bytes: 40 * 1024 * 1024 } as const;

/** The history is past the guard (HISTORY_GUARD, or `limits.guardEvents` events). */
export function historyNearLimit(limits?: { guardEvents?: number }): boolean {
  const i = workflowInfo();
  const events = limits?.guardEvents ?? HISTORY_GUARD.events;
  return i.historyLength >= events || i.historySize >= HISTORY_GUARD.bytes;
}

/** The incident message of the history guard. */
export function historyGuardMessage(
  what = 'no new work starts until the instance is cancelled or its waits end',
): string {
  const i = workflowInfo();
  return `history guard: this run's history has ${i.historyLength} events (${i.historySize} bytes), near Temporal's limit of 51,200 events / 50 MB, and it could not continue as new; ${what}`;
}

/** Starts a durable timer in `scope` that fires after `ms` (at least 1 ms). */
export async function startTimer(
  scope: CancellationScope,
  ms: number,
  summary: string,
): Promise<void> {
  await scope.run(() => sleep(Math.max(1, Math.round(ms)), { summary }));
}
