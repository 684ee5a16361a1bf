/**
 * Service task and send task (BPMN 2.0 §10.3.3 "Service Task", "Send Task"), Zeebe job
 * semantics: the work is an activity of `taskType` (static, or FEEL evaluated when the job is
 * created: `job-definition.ts`), scheduled with the variables the task sees (scope chain +
 * inputs; a built-in connector such as `http` gets its inputs only) and its headers with
 * `${…}` templates rendered (a built-in message publication, too, gets its inputs only). A failure with
 * an error code is a BPMN error (routed to an error boundary); without one, an incident that
 * a retry resolves by scheduling the same element instance again.
 */
import type { JobTaskIR } from '../../model/bpmn/ir';
import { CONNECTOR_TASK_TYPES, INTERNAL_ACTIVITIES } from '../../model/task-types';
import { renderTemplate } from '../feel';
import type { EngineCommand, Token, Variables } from '../types';
import type { ElementBehaviour, EngineContext } from './behaviour';
import { jobDefinition } from './job-definition';
import type { JobDefinition } from './job-definition';

/** The task headers with `${…}` templates rendered; undefined after raising an incident. */
export function renderHeaders(
  ctx: EngineContext,
  token: Token,
  el: JobTaskIR,
): Record<string, string> | undefined {
  const headers: Record<string, string> = {};
  const entries = Object.entries(el.headers);
  if (entries.length === 0) return headers;
  const variables = ctx.variables(token);
  for (const [name, template] of entries) {
    const r = renderTemplate(template, variables, { now: ctx.now });
    if (!r.ok) {
      ctx.incident(token, 'expression', `element '${el.id}': header '${name}': ${r.error}`);
      return undefined;
    }
    headers[name] = r.value;
  }
  return headers;
}

/**
 * Marks the token's work in flight and the command that runs the task as an activity, with
 * the job's type and retries (the element's static ones unless `job` gives evaluated ones).
 */
export function scheduleTask(
  token: Token,
  el: JobTaskIR,
  headers: Record<string, string>,
  variables: Variables,
  job: JobDefinition = el,
): Extract<EngineCommand, { type: 'scheduleTask' }> {
  token.work = 'task';
  return {
    type: 'scheduleTask',
    feiId: token.feiId,
    elementId: el.id,
    ...(el.name !== undefined ? { name: el.name } : {}),
    taskType: job.taskType,
    ...(el.taskQueue !== undefined ? { taskQueue: el.taskQueue } : {}),
    retries: job.retries,
    headers,
    variables,
    ...(token.attempt !== undefined ? { attempt: token.attempt } : {}),
  };
}

/**
 * The variables a task's activity gets: a built-in connector only its own input mappings
 * (local scope), any other type what the task sees (scope chain + inputs, Zeebe job semantics).
 */
function taskVariables(
  ctx: EngineContext,
  token: Token,
  taskType: string,
  visible: Variables,
): Variables {
  const ownInputsOnly =
    CONNECTOR_TASK_TYPES.includes(taskType) || taskType === INTERNAL_ACTIVITIES.publishMessage;
  if (!ownInputsOnly) return visible;
  return { ...(ctx.state.scopes[token.feiId]?.variables ?? {}) };
}

export const jobTask: ElementBehaviour<JobTaskIR> = {
  enter(ctx, token, el) {
    const variables = ctx.variables(token);
    const job = jobDefinition(ctx, token, el, variables);
    if (!job) return;
    const headers = renderHeaders(ctx, token, el);
    if (!headers) return;
    ctx.emit(
      scheduleTask(token, el, headers, taskVariables(ctx, token, job.taskType, variables), job),
    );
  },
  onRetry(ctx, token, el) {
    // A new request attempt: a new outbound idempotency key (Temporal's retries keep theirs).
    token.attempt = (token.attempt ?? 1) + 1;
    jobTask.enter(ctx, token, el);
  },
  onEvent(ctx, token, el, event) {
    if (event.type === 'taskCompleted') {
      delete token.work;
      ctx.complete(token, { variables: event.variables });
    } else if (event.type === 'taskFailed') {
      delete token.work;
      if (event.errorCode) ctx.throwError(token, event.errorCode, event.message);
      else ctx.incident(token, 'task', event.message || `task '${el.id}' failed`);
    }
  },
};
