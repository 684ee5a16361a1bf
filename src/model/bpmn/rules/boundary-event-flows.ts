/**
 * Rule `boundary-event-flows`: a boundary event is triggered by its host, never by a token,
 * and starts the exception path, so it has no incoming sequence flow and at least one
 * outgoing one (BPMN 2.0.2 §10.5.4 "Intermediate Event", attached to an activity boundary:
 * "The Intermediate Event MUST NOT be a target for Sequence Flows" and "MUST be a source for
 * Sequence Flows", except a compensation boundary event, which is associated with its
 * handler instead: it must have no outgoing sequence flow).
 */
import { eventKindOf } from '../elements';
import type { Problem, Rule } from '../types';
import { flowsInto, flowsOutOf, nodesOfType, problemAt } from './helpers';

const id = 'boundary-event-flows';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Boundary events have outgoing but no incoming sequence flows.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { element: event } of nodesOfType(ctx, 'bpmn:BoundaryEvent')) {
      for (const flow of flowsInto(ctx, event))
        problems.push(
          problemAt(
            id,
            event,
            `A boundary event must not have incoming sequence flows, but ${flow.id ?? '<no id>'} enters it`,
          ),
        );
      if (eventKindOf(event) === 'compensate') {
        for (const flow of flowsOutOf(ctx, event))
          problems.push(
            problemAt(
              id,
              event,
              `A compensation boundary event is associated with its handler and must not have outgoing sequence flows, but ${flow.id ?? '<no id>'} leaves it`,
            ),
          );
        continue;
      }
      if (flowsOutOf(ctx, event).length === 0)
        problems.push(
          problemAt(id, event, 'A boundary event needs an outgoing sequence flow to continue on'),
        );
    }
    return problems;
  },
};
