/**
 * Rule `signal-event-signal`: signal events (BPMN 2.0.2 §10.5.2–§10.5.4 "Signal") reference a
 * `bpmn:Signal` with a static name, which is what a thrown signal is matched by.
 */
import { eventDefinitionOf, eventKindOf } from '../elements';
import type { Problem, Rule } from '../types';
import { allNodes, problemAt } from './helpers';

const id = 'signal-event-signal';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Signal events reference a named signal.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { element: el } of allNodes(ctx)) {
      if (eventKindOf(el) !== 'signal') continue;
      const signal = eventDefinitionOf(el)?.signalRef;
      const name = signal?.name?.trim();
      if (!signal) problems.push(problemAt(id, el, 'It needs a signalRef naming a bpmn:Signal'));
      else if (!name)
        problems.push(problemAt(id, el, `Its signal ${signal.id ?? ''} needs a name`));
      else if (name.startsWith('='))
        problems.push(
          problemAt(
            id,
            el,
            `Its signal ${signal.id ?? ''} has a FEEL name, which is not supported`,
          ),
        );
    }
    return problems;
  },
};
