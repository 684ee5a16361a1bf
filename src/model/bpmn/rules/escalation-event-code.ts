/**
 * Rule `escalation-event-code`: escalation throw and end events (BPMN 2.0.2 §10.5.4 / §10.5.3
 * "Escalation") reference a `bpmn:Escalation` with a static escalationCode, which is what
 * escalation catch events match by; a catching escalation event (boundary, event subprocess
 * start) that references an escalation needs its code too (no escalationRef = catch all).
 */
import { eventDefinitionOf, eventKindOf } from '../elements';
import type { Problem, Rule } from '../types';
import { allNodes, problemAt } from './helpers';

const id = 'escalation-event-code';
const THROWS = new Set(['bpmn:IntermediateThrowEvent', 'bpmn:EndEvent']);

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Escalation events reference an escalation with an escalationCode.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { element: el } of allNodes(ctx)) {
      if (eventKindOf(el) !== 'escalation') continue;
      const escalation = eventDefinitionOf(el)?.escalationRef;
      const code = escalation?.escalationCode?.trim();
      if (!escalation) {
        if (THROWS.has(el.$type))
          problems.push(problemAt(id, el, 'It needs an escalationRef naming a bpmn:Escalation'));
      } else if (!code)
        problems.push(
          problemAt(id, el, `Its escalation ${escalation.id ?? ''} has no escalationCode`),
        );
      else if (code.startsWith('='))
        problems.push(
          problemAt(
            id,
            el,
            `Its escalation ${escalation.id ?? ''} has a FEEL escalationCode, which is not supported`,
          ),
        );
    }
    return problems;
  },
};
