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

/** Starts a durable timer in `scope` that fires after `ms` (at least 1 ms). */
export async function startTimer(
  scope: CancellationScope,
  ms: number,
  summary: string,
): Promise<void> {
  await scope.run(() => sleep(Math.max(1, Math.round(ms)), { summary }));
}
