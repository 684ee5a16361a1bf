/**
 * Rule `message-event-message`: message catch, message boundary and event subprocess message
 * start events reference a `bpmn:Message` with a static name (the event counterpart of
 * `receive-task-message`).
 */
import type { Problem, Rule } from '../types';
import { allNodes, messageProblems } from './helpers';

const id = 'message-event-message';
const EVENTS = new Set(['bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent', 'bpmn:StartEvent']);

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Message events reference a named message.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { element: el } of allNodes(ctx)) {
      if (!EVENTS.has(el.$type)) continue;
      for (const def of el.eventDefinitions ?? []) {
        if (def.$type === 'bpmn:MessageEventDefinition')
          problems.push(...messageProblems(id, el, def.messageRef));
      }
    }
    return problems;
  },
};
