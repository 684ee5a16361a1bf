/**
 * Rule `integration-task`: a service or send task of type `integration` runs the integration
 * workflow named by its `workflow` task header, so that header is required. A send task of
 * that type delivers the integration's output as a message to the receive task that follows
 * it, so it needs exactly one outgoing flow, into a receive task (use a service task to wait
 * for the output in place).
 */
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule, RuleContext } from '../types';
import { extension, taskHeaders } from '../zeebe';
import { allFlows, allNodes, problemAt } from './helpers';

const id = 'integration-task';
const JOB_TASKS = new Set(['bpmn:ServiceTask', 'bpmn:SendTask']);

export const rule: Rule = {
  id,
  severity: 'error',
  description:
    'Integration tasks name their workflow; integration send tasks lead to a receive task.',
  check(ctx) {
    return allNodes(ctx)
      .filter((n) => JOB_TASKS.has(n.element.$type))
      .filter((n) => extension(n.element, 'zeebe:TaskDefinition')?.type?.trim() === 'integration')
      .flatMap((n) => checkTask(ctx, n.element));
  },
};

function checkTask(ctx: RuleContext, el: ModdleElement): Problem[] {
  const problems: Problem[] = [];
  if (!taskHeaders(el).workflow?.trim())
    problems.push(
      problemAt(
        id,
        el,
        'It runs an integration workflow but has no "workflow" task header naming its key',
      ),
    );
  if (el.$type === 'bpmn:SendTask') {
    const outgoing = allFlows(ctx).filter((f) => f.element.sourceRef === el);
    const target = outgoing.length === 1 ? outgoing[0]!.element.targetRef : undefined;
    if (target?.$type !== 'bpmn:ReceiveTask')
      problems.push(
        problemAt(
          id,
          el,
          'A send task of type "integration" delivers the workflow output to the receive task after it: ' +
            'give it exactly one outgoing flow into a receive task (or use a service task to wait for the output in place)',
        ),
      );
  }
  return problems;
}
