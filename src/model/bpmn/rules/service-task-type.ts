/**
 * Rule `service-task-type`: service and send tasks name a task type
 * (`zeebe:taskDefinition type`) and a positive whole number of retries, and the type is not
 * one of Waymark's internal activities (src/model/task-types.ts). Type and retries may be FEEL
 * (`=expr`, as in Camunda 8), evaluated when the job is created: the engine raises an incident
 * naming the element when they do not evaluate to a type it may run or a positive whole
 * number (src/engine/elements/job-definition.ts). A type with no built-in
 * handler deploys: its activity is scheduled on the `taskQueue` header's queue, else on the
 * default queue, where no worker implements it and the task parks an incident until retried.
 * A `waymark.activityMode` header is `local` or `remote` (src/model/activity-mode.ts).
 */
import { ACTIVITY_MODE_HEADER, isActivityMode } from '../../activity-mode';
import { reservedTaskTypeReason } from '../../task-types';
import { readSource } from '../feel-source';
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule } from '../types';
import { extension, taskHeaders } from '../zeebe';
import { allNodes, problemAt } from './helpers';

const id = 'service-task-type';
const JOB_TASKS = new Set(['bpmn:ServiceTask', 'bpmn:SendTask']);

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Service and send tasks have a known task type.',
  check(ctx) {
    return (
      allNodes(ctx)
        // A send task with a message and no task definition publishes it (build-message-throw.ts).
        .filter((n) => JOB_TASKS.has(n.element.$type) && !publishesMessage(n.element))
        .flatMap((n) => checkTask(n.element))
    );
  },
};

/** The problems of one job-worker task (also the job form of a business rule task). */
export function checkTask(el: ModdleElement): Problem[] {
  const definition = extension(el, 'zeebe:TaskDefinition');
  const type = definition?.type?.trim();
  if (!type) return [problemAt(id, el, 'It needs a zeebe:taskDefinition with a type')];
  const problems: Problem[] = [];
  const retries = definition?.retries?.trim();
  const feelRetries = retries !== undefined && readSource(retries).isFeel;
  if (retries !== undefined && retries !== '' && !feelRetries && !/^[1-9]\d*$/.test(retries)) {
    problems.push(problemAt(id, el, `Its retries "${retries}" is not a positive whole number`));
  }
  const mode = taskHeaders(el)[ACTIVITY_MODE_HEADER];
  if (mode !== undefined && !isActivityMode(mode))
    problems.push(
      problemAt(id, el, `Its ${ACTIVITY_MODE_HEADER} header "${mode}" is not local or remote`),
    );
  if (readSource(type).isFeel) return problems; // checked when the job is created
  const reserved = reservedTaskTypeReason(type, Boolean(taskHeaders(el).taskQueue));
  if (reserved) problems.push(problemAt(id, el, reserved));
  return problems;
}

/** A send task naming a message and no task type: Waymark publishes the message itself. */
function publishesMessage(el: ModdleElement): boolean {
  return (
    el.$type === 'bpmn:SendTask' &&
    el.messageRef !== undefined &&
    !extension(el, 'zeebe:TaskDefinition')?.type?.trim()
  );
}
