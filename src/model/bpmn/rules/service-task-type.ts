/**
 * Rule `service-task-type`: service and send tasks name a static task type
 * (`zeebe:taskDefinition type`) and a positive whole number of retries. When the compiler
 * knows the built-in types, any other type must name the queue of the worker that
 * implements it with a `taskQueue` task header.
 */
import { readSource } from '../feel';
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule, RuleContext } from '../types';
import { extension, taskHeaders } from '../zeebe';
import { allNodes, problemAt } from './helpers';

const id = 'service-task-type';
const JOB_TASKS = new Set(['bpmn:ServiceTask', 'bpmn:SendTask']);

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Service and send tasks have a known task type.',
  check(ctx) {
    return allNodes(ctx)
      .filter((n) => JOB_TASKS.has(n.element.$type))
      .flatMap((n) => checkTask(ctx, n.element));
  },
};

function checkTask(ctx: RuleContext, el: ModdleElement): Problem[] {
  const definition = extension(el, 'zeebe:TaskDefinition');
  const type = definition?.type?.trim();
  if (!type) return [problemAt(id, el, 'It needs a zeebe:taskDefinition with a type')];
  const problems: Problem[] = [];
  if (readSource(type).isFeel)
    problems.push(
      problemAt(
        id,
        el,
        `Its task type "${type}" is FEEL, which is not supported; use a static type`,
      ),
    );
  const retries = definition?.retries?.trim();
  if (retries !== undefined && retries !== '' && !/^[1-9]\d*$/.test(retries)) {
    problems.push(problemAt(id, el, `Its retries "${retries}" is not a positive whole number`));
  }
  const known = ctx.options.knownTaskTypes;
  if (known && !known.includes(type) && !taskHeaders(el).taskQueue) {
    problems.push(
      problemAt(
        id,
        el,
        `Task type "${type}" has no built-in handler; add a taskQueue task header naming the worker's queue`,
      ),
    );
  }
  return problems;
}
