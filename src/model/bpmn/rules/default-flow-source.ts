/**
 * Rule `default-flow-source`: the `default` of an activity or of an exclusive, inclusive or
 * complex gateway is the flow taken when no other outgoing condition holds, so it must be
 * one of that element's own outgoing sequence flows (BPMN 2.0.2 §10.3.1 "Activity" and §10.6
 * "Gateways", the default attribute; §8.4.13 "Sequence Flow", default flows). That the
 * reference names a sequence flow at all is `reference-resolvable`'s check.
 */
import { outgoingOf } from '../model';
import type { Problem, Rule } from '../types';
import { allNodes, problemAt } from './helpers';

const id = 'default-flow-source';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'A default flow leaves the element that names it.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const node of allNodes(ctx)) {
      const defaultFlow = node.element.default;
      if (defaultFlow?.$type !== 'bpmn:SequenceFlow' || outgoingOf(node).includes(defaultFlow))
        continue;
      problems.push(
        problemAt(
          id,
          node.element,
          `Its default flow ${defaultFlow.id ?? ''} is not one of its outgoing flows`,
        ),
      );
    }
    return problems;
  },
};
