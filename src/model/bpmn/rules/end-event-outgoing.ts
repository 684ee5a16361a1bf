/**
 * Rule `end-event-outgoing`: an end event ends its path, so no sequence flow may leave it
 * (BPMN 2.0.2 §10.5.3 "End Event", Sequence Flow Connections: "An End Event MUST NOT be a
 * source for Sequence Flows; that is, there MUST NOT be outgoing Sequence Flows"; Table 7.3).
 */
import type { Problem, Rule } from '../types';
import { flowsOutOf, nodesOfType, problemAt } from './helpers';

const id = 'end-event-outgoing';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'End events have no outgoing sequence flows.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { element: end } of nodesOfType(ctx, 'bpmn:EndEvent')) {
      for (const flow of flowsOutOf(ctx, end))
        problems.push(
          problemAt(
            id,
            end,
            `An end event must not have outgoing sequence flows, but ${flow.id ?? '<no id>'} leaves it`,
          ),
        );
    }
    return problems;
  },
};
