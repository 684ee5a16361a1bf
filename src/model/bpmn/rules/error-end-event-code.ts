/**
 * Rule `error-end-event-code`: an error end event throws a `bpmn:Error` with a static
 * errorCode, which is what error boundary events catch by.
 */
import { eventDefinitionOf, eventKindOf } from '../elements';
import type { Problem, Rule } from '../types';
import { nodesOfType, problemAt } from './helpers';

const id = 'error-end-event-code';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Error end events reference an error with an errorCode.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { element: el } of nodesOfType(ctx, 'bpmn:EndEvent')) {
      if (eventKindOf(el) !== 'error') continue;
      const error = eventDefinitionOf(el)?.errorRef;
      const code = error?.errorCode?.trim();
      if (!error) problems.push(problemAt(id, el, 'It needs an errorRef naming a bpmn:Error'));
      else if (!code)
        problems.push(problemAt(id, el, `Its error ${error.id ?? ''} has no errorCode`));
      else if (code.startsWith('='))
        problems.push(
          problemAt(
            id,
            el,
            `Its error ${error.id ?? ''} has a FEEL errorCode, which is not supported`,
          ),
        );
    }
    return problems;
  },
};
