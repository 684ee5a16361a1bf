/**
 * Rule `user-task-schedule`: a user task's static `zeebe:taskSchedule dueDate` and
 * `followUpDate` are ISO-8601 date-times with an offset (Camunda 8's format; BPMN 2.0.2
 * §10.3.3 "User Task" leaves rendering and scheduling to the engine). FEEL values (`=…`) are
 * checked by `feel-syntax` here and evaluated when the task opens.
 */
import { readSource } from '../feel-source';
import { isIsoDateTime } from '../iso8601';
import { rawUserTaskAttributes } from '../user-task-attributes';
import type { Rule } from '../types';
import { nodesOfType, problemAt } from './helpers';

const id = 'user-task-schedule';
const DATES = new Set(['dueDate', 'followUpDate']);

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Static user task due and follow-up dates are ISO-8601 date-times.',
  check(ctx) {
    return nodesOfType(ctx, 'bpmn:UserTask').flatMap(({ element }) =>
      rawUserTaskAttributes(element)
        .filter(([name, raw]) => DATES.has(name) && raw !== undefined && raw.trim() !== '')
        .filter(([, raw]) => !readSource(raw ?? '').isFeel && !isIsoDateTime((raw ?? '').trim()))
        .map(([name, raw]) =>
          problemAt(
            id,
            element,
            `Its ${name} "${raw ?? ''}" is not an ISO-8601 date-time with offset such as 2025-01-01T10:00:00Z`,
          ),
        ),
    );
  },
};
