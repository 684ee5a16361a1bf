/**
 * Rule `conditional-event-condition`: a conditional event (BPMN 2.0.2 §10.5.1 "Conditional")
 * has a non-empty condition (FEEL, checked by `feel-syntax`), and its Camunda 8.9
 * `zeebe:conditionalFilter variableEvents` lists only `create` and `update`.
 */
import { eventDefinitionOf, eventKindOf } from '../elements';
import type { Problem, Rule } from '../types';
import { extension } from '../zeebe';
import { allNodes, problemAt } from './helpers';

const id = 'conditional-event-condition';
const EVENTS = new Set(['create', 'update']);

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Conditional events have a condition.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { element: el } of allNodes(ctx)) {
      if (eventKindOf(el) !== 'conditional') continue;
      const def = eventDefinitionOf(el);
      if (!def?.condition?.body?.replace(/^\s*=/, '').trim())
        problems.push(problemAt(id, el, 'A conditional event needs a condition expression'));
      const events = extension(def, 'zeebe:ConditionalFilter')?.variableEvents ?? '';
      const bad = events
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== '' && !EVENTS.has(e));
      if (bad.length > 0)
        problems.push(
          problemAt(
            id,
            el,
            `variableEvents may list create and update only, not ${bad.join(', ')}`,
          ),
        );
    }
    return problems;
  },
};
