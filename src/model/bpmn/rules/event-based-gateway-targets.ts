/**
 * Rule `event-based-gateway-targets`: an event-based gateway races at least two waits, so
 * each of its outgoing flows must lead to a timer or message intermediate catch event or a
 * receive task, without conditions.
 */
import { eventKindOf } from '../elements';
import { outgoingOf } from '../model';
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule } from '../types';
import { nodesOfType, problemAt } from './helpers';

const id = 'event-based-gateway-targets';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Event-based gateways lead to catch events or receive tasks.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const node of nodesOfType(ctx, 'bpmn:EventBasedGateway')) {
      const outgoing = outgoingOf(node);
      if (outgoing.length === 1)
        problems.push(
          problemAt(id, node.element, 'An event-based gateway needs at least two outgoing flows'),
        );
      for (const flow of outgoing) {
        const target = flow.targetRef;
        if (target && !isWait(target)) {
          problems.push(
            problemAt(
              id,
              node.element,
              `Its outgoing flow ${flow.id ?? ''} leads to ${target.$type} ${target.id ?? ''}, not to a timer/message catch event or receive task`,
            ),
          );
        }
        if (flow.conditionExpression) {
          problems.push({
            rule: id,
            elementId: flow.id,
            message: `Sequence flow ${flow.id ?? ''} leaves event-based gateway ${node.element.id ?? ''} and must not have a condition`,
          });
        }
      }
    }
    return problems;
  },
};

function isWait(el: ModdleElement): boolean {
  if (el.$type === 'bpmn:ReceiveTask') return true;
  const kind = eventKindOf(el);
  return el.$type === 'bpmn:IntermediateCatchEvent' && (kind === 'timer' || kind === 'message');
}
