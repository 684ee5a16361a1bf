/**
 * Rule `start-event-required`: the process and every embedded subprocess have exactly one
 * none start event, where their tokens begin. (Start events with event definitions are
 * reported by `unsupported-element`.)
 */
import { isNoneStart } from '../elements';
import type { Problem, Rule } from '../types';

const id = 'start-event-required';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Each process and subprocess has exactly one none start event.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const scope of ctx.processes.flatMap((p) => p.scopes)) {
      // Ad-hoc subprocesses start their elements from a collection, not a start event.
      if (scope.element.triggeredByEvent || scope.element.$type === 'bpmn:AdHocSubProcess')
        continue;
      const starts = scope.nodes.filter(isNoneStart);
      const what = `${scope.isProcess ? 'Process' : 'Subprocess'} ${scope.element.id ?? ''}`;
      if (starts.length === 0) {
        problems.push({
          rule: id,
          elementId: scope.element.id,
          message: `${what} has no none start event`,
        });
      }
      for (const extra of starts.slice(1)) {
        problems.push({
          rule: id,
          elementId: extra.id,
          message: `${what} has more than one none start event (${extra.id ?? ''} is extra)`,
        });
      }
    }
    return problems;
  },
};
