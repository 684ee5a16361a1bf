/**
 * Rule `gateway-outgoing-required`: a gateway must have at least one outgoing sequence flow;
 * a token reaching a dead-end gateway could never leave it.
 */
import { GATEWAY_TYPES } from '../elements';
import { outgoingOf } from '../model';
import type { Rule } from '../types';
import { allNodes, problemAt } from './helpers';

const id = 'gateway-outgoing-required';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Gateways have outgoing sequence flows.',
  check(ctx) {
    return allNodes(ctx)
      .filter((n) => GATEWAY_TYPES.has(n.element.$type) && outgoingOf(n).length === 0)
      .map((n) => problemAt(id, n.element, 'The gateway has no outgoing sequence flow'));
  },
};
