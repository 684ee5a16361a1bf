/**
 * Rule `event-based-gateway-targets`: an event-based gateway races at least two waits
 * (BPMN 2.0.2 §10.6.6 "Event-Based Gateway"): each outgoing flow, without a condition, leads
 * to a timer, message or signal intermediate catch event or a receive task; message catch events
 * and receive tasks are not mixed in one configuration; a target has no incoming flow but the
 * gateway's; and a receive task in the race has no boundary events attached.
 */
import { eventKindOf } from '../elements';
import type { Located } from '../model';
import { boundaryEventsOf, incomingOf, outgoingOf } from '../model';
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule } from '../types';
import { nodesOfType, problemAt } from './helpers';

const id = 'event-based-gateway-targets';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Event-based gateways lead to catch events or receive tasks.',
  check(ctx) {
    return nodesOfType(ctx, 'bpmn:EventBasedGateway').flatMap(gatewayProblems);
  },
};

function gatewayProblems(gateway: Located): Problem[] {
  const problems: Problem[] = [];
  const report = (message: string) => problems.push(problemAt(id, gateway.element, message));
  const outgoing = outgoingOf(gateway);
  if (outgoing.length === 1) report('An event-based gateway needs at least two outgoing flows');
  for (const flow of outgoing) {
    if (flow.conditionExpression)
      problems.push(
        problemAt(
          id,
          flow,
          `It leaves event-based gateway ${gateway.element.id ?? ''} and must not have a condition`,
        ),
      );
    const target = flow.targetRef;
    if (!target) continue;
    if (!isWait(target))
      report(
        `Its outgoing flow ${flow.id ?? ''} leads to ${target.$type} ${target.id ?? ''}, not to a timer/message/signal catch event or receive task`,
      );
    else targetMessages(gateway, target).forEach(report);
  }
  const targets = outgoing.map((f) => f.targetRef);
  if (targets.some(isMessageCatch) && targets.some((t) => t?.$type === 'bpmn:ReceiveTask'))
    report('It mixes message catch events and receive tasks; use one or the other');
  return problems;
}

/** What is wrong with one wait the gateway leads to, said from the gateway. */
function targetMessages(gateway: Located, target: ModdleElement): string[] {
  const messages: string[] = [];
  const located: Located = { ...gateway, element: target };
  const others = incomingOf(located).filter((f) => f.sourceRef !== gateway.element);
  if (others.length > 0)
    messages.push(
      `Its target ${target.id ?? ''} has other incoming flows (${others.map((f) => f.id ?? '?').join(', ')}); it may only be entered from the gateway`,
    );
  if (target.$type === 'bpmn:ReceiveTask' && boundaryEventsOf(located).length > 0)
    messages.push(`Its target receive task ${target.id ?? ''} must not have boundary events`);
  return messages;
}

function isMessageCatch(el: ModdleElement | undefined): boolean {
  return el?.$type === 'bpmn:IntermediateCatchEvent' && eventKindOf(el) === 'message';
}

function isWait(el: ModdleElement): boolean {
  if (el.$type === 'bpmn:ReceiveTask') return true;
  const kind = eventKindOf(el);
  return (
    el.$type === 'bpmn:IntermediateCatchEvent' &&
    (kind === 'timer' || kind === 'message' || kind === 'signal')
  );
}
