/**
 * Rule `complex-gateway-activation`: a converging complex gateway (more than one incoming
 * flow) needs an `activationCondition` (BPMN 2.0.2 §10.6.5 "Complex Gateway": it "determines
 * which combination of incoming tokens will be synchronized for activation"); without one the
 * gateway's join behaviour is undefined.
 */
import { incomingOf } from '../model';
import type { Problem, Rule } from '../types';
import { nodesOfType, problemAt } from './helpers';

const id = 'complex-gateway-activation';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Converging complex gateways have an activationCondition.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const node of nodesOfType(ctx, 'bpmn:ComplexGateway')) {
      if (incomingOf(node).length > 1 && !node.element.activationCondition?.body?.trim())
        problems.push(
          problemAt(
            id,
            node.element,
            'A complex gateway with several incoming flows needs an activationCondition (FEEL, e.g. =activationCount >= 2)',
          ),
        );
    }
    return problems;
  },
};
