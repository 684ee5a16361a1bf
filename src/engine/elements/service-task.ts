/**
 * Service and send tasks (BPMN 2.0 §10.3.3): Zeebe job semantics (`job-task.ts`) for every
 * task type except `callback`, a custom activity that waits for its callback after the
 * request is acknowledged (`callback-task.ts`). The choice is made per element by its type.
 */
import type { JobTaskIR } from '../../model/bpmn/ir';
import { CALLBACK_TASK_TYPE } from '../callback-waits';
import type { ElementBehaviour } from './behaviour';
import { callbackTask } from './callback-task';
import { jobTask } from './job-task';

function pick(el: JobTaskIR): ElementBehaviour<JobTaskIR> {
  return el.taskType === CALLBACK_TASK_TYPE ? callbackTask : jobTask;
}

export const serviceTask: ElementBehaviour<JobTaskIR> = {
  enter(ctx, token, el, trigger) {
    pick(el).enter(ctx, token, el, trigger);
  },
  onEvent(ctx, token, el, event) {
    pick(el).onEvent?.(ctx, token, el, event);
  },
  onRetry(ctx, token, el) {
    const b = pick(el);
    (b.onRetry ?? b.enter)(ctx, token, el);
  },
  onCancel(ctx, token, el) {
    pick(el).onCancel?.(ctx, token, el);
  },
};
