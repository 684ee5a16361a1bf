/**
 * Rule `cancel-event-transaction`: cancel events belong to transaction subprocesses (BPMN
 * 2.0.2 §10.5.3 "End Event", cancel: "only used within a Transaction Sub-Process";
 * §10.5.4, cancel boundary: "only attached to a Transaction Sub-Process"). A cancel end event
 * lies directly inside a bpmn:Transaction, which then has a cancel boundary event to leave
 * by; a cancel boundary event is attached to a bpmn:Transaction, at most one each.
 */
import { eventKindOf } from '../elements';
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule } from '../types';
import { allNodes, problemAt } from './helpers';

const id = 'cancel-event-transaction';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Cancel end and boundary events belong to a transaction subprocess.',
  check(ctx) {
    const problems: Problem[] = [];
    const nodes = allNodes(ctx).map((n) => n.element);
    const cancelBoundaries = (tx: ModdleElement) =>
      nodes.filter(
        (n) =>
          n.$type === 'bpmn:BoundaryEvent' && n.attachedToRef === tx && eventKindOf(n) === 'cancel',
      );
    for (const node of allNodes(ctx)) {
      const el = node.element;
      if (eventKindOf(el) !== 'cancel') continue;
      if (el.$type === 'bpmn:EndEvent') {
        const tx = node.scope.element;
        if (tx.$type !== 'bpmn:Transaction')
          problems.push(
            problemAt(id, el, 'A cancel end event must lie directly inside a bpmn:Transaction'),
          );
        else if (cancelBoundaries(tx).length === 0)
          problems.push(
            problemAt(
              id,
              el,
              `Its transaction ${tx.id ?? '?'} needs a cancel boundary event to leave by`,
            ),
          );
      } else if (el.$type === 'bpmn:BoundaryEvent') {
        const host = el.attachedToRef;
        if (host?.$type !== 'bpmn:Transaction')
          problems.push(
            problemAt(id, el, 'A cancel boundary event must be attached to a bpmn:Transaction'),
          );
        else if (cancelBoundaries(host)[0] !== el)
          problems.push(
            problemAt(id, el, `Transaction ${host.id ?? '?'} has another cancel boundary event`),
          );
      }
    }
    return problems;
  },
};
