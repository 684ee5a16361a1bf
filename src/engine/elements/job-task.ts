/**
 * Service task and send task (BPMN 2.0 §10.3.3 "Service Task", "Send Task"), Zeebe job
 * semantics: the work is an activity of `taskType`, scheduled with the variables the task
 * sees (scope chain + inputs) and its headers with `${…}` templates rendered. A failure with
 * an error code is a BPMN error (routed to an error boundary); without one, an incident that
 * a retry resolves by scheduling the same element instance again.
 */
import type { JobTaskIR } from '../../model/ir';
import { renderTemplate } from '../feel';
import type { ElementBehaviour } from './behaviour';

export const jobTask: ElementBehaviour<JobTaskIR> = {
  enter(ctx, token, el) {
    const variables = ctx.variables(token);
    const headers: Record<string, string> = {};
    for (const [name, template] of Object.entries(el.headers)) {
      const r = renderTemplate(template, variables, { now: ctx.now });
      if (!r.ok) {
        ctx.incident(token, 'expression', `element '${el.id}': header '${name}': ${r.error}`);
        return;
      }
      headers[name] = r.value;
    }
    token.work = 'task';
    ctx.emit({
      type: 'scheduleTask',
      feiId: token.feiId,
      elementId: el.id,
      ...(el.name !== undefined ? { name: el.name } : {}),
      taskType: el.taskType,
      ...(el.taskQueue !== undefined ? { taskQueue: el.taskQueue } : {}),
      retries: el.retries,
      headers,
      variables,
    });
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
