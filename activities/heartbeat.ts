/**
 * Long activities (http tasks, callback requests) heartbeat while they wait on the network,
 * so a dead worker is noticed after the heartbeat timeout (workflows/process/commands.ts sets
 * it well below start-to-close) instead of after start-to-close, and so that a cancellation —
 * an interrupting boundary timer, a cancelled instance — reaches the activity, which then
 * aborts its request. Outside an activity (unit tests) the body runs with only its own signal.
 */
import { Context } from '@temporalio/activity';
import { CancelledFailure } from '@temporalio/common';

/** Heartbeat period when the activity has no heartbeat timeout of its own. */
const DEFAULT_PERIOD_MS = 5_000;

function activityContext(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined;
  }
}

/**
 * Runs `body` with a signal that aborts on `timeoutMs` or on the activity's cancellation,
 * heartbeating meanwhile. A cancelled activity rejects with a CancelledFailure.
 */
export async function whileHeartbeating<T>(
  timeoutMs: number,
  body: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const ctx = activityContext();
  const timeout = AbortSignal.timeout(timeoutMs);
  if (!ctx) return body(timeout);
  const signal = AbortSignal.any([timeout, ctx.cancellationSignal]);
  const timeoutOfHeartbeat = ctx.info.heartbeatTimeoutMs;
  const period = timeoutOfHeartbeat
    ? Math.max(200, Math.min(DEFAULT_PERIOD_MS, timeoutOfHeartbeat / 3))
    : DEFAULT_PERIOD_MS;
  // A local activity (driver revision 5) has no heartbeat: it runs inside a workflow task.
  const beat = () => {
    if (!ctx.info.isLocal) ctx.heartbeat();
  };
  beat();
  const timer = setInterval(beat, period);
  try {
    return await body(signal);
  } catch (err) {
    if (ctx.cancellationSignal.aborted)
      throw new CancelledFailure(`activity cancelled: ${String(ctx.cancellationSignal.reason)}`);
    throw err;
  } finally {
    clearInterval(timer);
  }
}

/**
 * The `Idempotency-Key` of an outbound call: `<flowElementInstanceId>/<attempt>`, where the
 * attempt counts incident retries (1 first), not Temporal's retries of one attempt: a request
 * re-sent after a worker died carries the key of the first send.
 */
export function idempotencyKey(flowElementInstanceId: string, attempt: number | undefined): string {
  return `${flowElementInstanceId}/${attempt ?? 1}`;
}
