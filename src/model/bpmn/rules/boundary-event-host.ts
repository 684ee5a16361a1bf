/**
 * Rule `boundary-event-host`: a boundary event is attached (`attachedToRef`) to an activity
 * of its own scope; error boundary events always interrupt.
 */
import { ACTIVITY_TYPES, eventKindOf } from '../elements';
import type { Problem, Rule } from '../types';
import { nodesOfType, problemAt } from './helpers';

const id = 'boundary-event-host';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Boundary events are attached to activities.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { element: el } of nodesOfType(ctx, 'bpmn:BoundaryEvent')) {
      const host = el.attachedToRef;
      if (!host)
        problems.push(
          problemAt(id, el, 'It is not attached to any activity (attachedToRef is missing)'),
        );
      else if (!ACTIVITY_TYPES.has(host.$type))
        problems.push(
          problemAt(
            id,
            el,
            `It is attached to ${host.$type} ${host.id ?? ''}, which is not an activity`,
          ),
        );
      else if (host.$parent !== el.$parent)
        problems.push(
          problemAt(id, el, `It is attached to ${host.id ?? ''}, which is in another scope`),
        );
      if (eventKindOf(el) === 'error' && el.cancelActivity === false) {
        problems.push(problemAt(id, el, 'An error boundary event must be interrupting'));
      }
    }
    return problems;
  },
};
