/**
 * Rule `start-event-incoming`: a start event begins the flow of its process or subprocess,
 * so no sequence flow may enter it (BPMN 2.0.2 §10.5.2 "Start Event", Sequence Flow
 * Connections: "A Start Event MUST NOT be a target for Sequence Flows"; Table 7.3). The
 * spec's one exception, a start event drawn on the border of an expanded subprocess, has
 * no XML form of its own: such a flow crosses the scope and `sequence-flow-scope` reports it.
 */
import type { Problem, Rule } from '../types';
import { flowsInto, nodesOfType, problemAt } from './helpers';

const id = 'start-event-incoming';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Start events have no incoming sequence flows.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { element: start } of nodesOfType(ctx, 'bpmn:StartEvent')) {
      for (const flow of flowsInto(ctx, start))
        problems.push(
          problemAt(
            id,
            start,
            `A start event must not have incoming sequence flows, but ${flow.id ?? '<no id>'} enters it`,
          ),
        );
    }
    return problems;
  },
};
