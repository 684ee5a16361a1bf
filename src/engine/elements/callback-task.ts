/**
 * Custom activity with a callback (BPMN 2.0 §10.3.3 "Service Task" with an asynchronous
 * completion; task type `callback`). The request is an activity that POSTs `data` — the
 * task's input-mapped variables, or every visible variable when it has no inputs — with signed
 * callback URLs, and completes on the service's 2xx acknowledgement. The element instance then
 * waits for `callbackReceived`:
 * - success: its `data` are result variables (propagated, or through output mappings);
 * - error: taken by an error boundary on this task (exact `errorCode` match first, else a
 *   catch-all) carrying variables `errorMessage` (and `errorCode`), or else a `callback`
 *   incident with the error message; retrying it re-sends the request as the next attempt.
 * A callback that comes before the acknowledgement is kept and applied when it arrives (also
 * when the delivery failed: the service evidently had the request).
 */
import type { BoundaryEventIR, JobTaskIR } from '../../model/bpmn/ir';
import { callbackWait, closeCallback, logCallback, openCallback } from '../callback-waits';
import type { CallbackWait, Token } from '../types';
import type { ElementBehaviour, EngineContext } from './behaviour';
import { jobDefinition } from './job-definition';
import { renderHeaders, scheduleTask } from './job-task';

export const callbackTask: ElementBehaviour<JobTaskIR> = {
  enter(ctx, token, el) {
    send(ctx, token, el, 1);
  },
  onRetry(ctx, token, el) {
    send(ctx, token, el, (callbackWait(ctx.state, token.feiId)?.attempt ?? 0) + 1);
  },
  onEvent(ctx, token, el, event) {
    const wait = callbackWait(ctx.state, token.feiId);
    if (!wait) return;
    if (event.type === 'taskCompleted') {
      delete token.work;
      wait.acked = true;
      if (wait.received) apply(ctx, token, el, wait);
    } else if (event.type === 'taskFailed') {
      delete token.work;
      if (wait.received) apply(ctx, token, el, wait);
      else if (event.errorCode) ctx.throwError(token, event.errorCode, event.message);
      else ctx.incident(token, 'task', event.message || `callback task '${el.id}' failed`);
    } else if (event.type === 'callbackReceived') {
      if (wait.received && !token.work) apply(ctx, token, el, wait);
    }
  },
  onCancel(ctx, token) {
    closeCallback(ctx.state, token.feiId);
  },
};

/** Renders the headers, opens the wait for `attempt` and schedules the request. */
function send(ctx: EngineContext, token: Token, el: JobTaskIR, attempt: number): void {
  const job = jobDefinition(ctx, token, el, ctx.variables(token));
  if (!job) return;
  const headers = renderHeaders(ctx, token, el);
  if (!headers) return;
  const data =
    el.inputs.length > 0
      ? { ...(ctx.state.scopes[token.feiId]?.variables ?? {}) }
      : ctx.variables(token);
  openCallback(ctx.state, token.feiId, attempt);
  ctx.emit({ ...scheduleTask(token, el, headers, data, job), callbackAttempt: attempt });
}

function apply(ctx: EngineContext, token: Token, el: JobTaskIR, wait: CallbackWait): void {
  const received = wait.received;
  if (!received) return;
  logCallback(ctx.state, wait);
  if (received.outcome === 'success') {
    closeCallback(ctx.state, token.feiId);
    ctx.complete(token, { variables: received.data ?? {} });
    return;
  }
  const message = received.errorMessage || `callback task '${el.id}' reported an error`;
  const boundary = errorBoundary(ctx, el, received.errorCode);
  if (!boundary) {
    // The wait stays open with what was received: repeats still answer as the first did.
    ctx.incident(token, 'callback', message);
    return;
  }
  ctx.cancel(token);
  ctx.spawn(token.scopeId, boundary.id, {
    errorMessage: message,
    ...(received.errorCode !== undefined ? { errorCode: received.errorCode } : {}),
  });
}

/** The task's own error boundary for `code`: an exact match, else a catch-all. */
function errorBoundary(
  ctx: EngineContext,
  el: JobTaskIR,
  code: string | undefined,
): BoundaryEventIR | undefined {
  let catchAll: BoundaryEventIR | undefined;
  for (const id of el.boundaryEvents) {
    const b = ctx.ir.elements[id];
    if (b?.type !== 'boundaryEvent' || b.eventKind !== 'error') continue;
    if (code !== undefined && code !== '' && b.errorCode === code) return b;
    if (b.errorCode === undefined || b.errorCode === '') catchAll ??= b;
  }
  return catchAll;
}
