/**
 * Rule `error-boundary-code`: an error boundary event either catches every error (no
 * errorRef) or names a `bpmn:Error` with a static errorCode; an error without a code would
 * silently catch everything.
 */
import { eventDefinitionOf, eventKindOf } from '../elements';
import type { Problem, Rule } from '../types';
import { nodesOfType, problemAt } from './helpers';

const id = 'error-boundary-code';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Error boundary events reference errors with an errorCode.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { element: el } of nodesOfType(ctx, 'bpmn:BoundaryEvent')) {
      if (eventKindOf(el) !== 'error') continue;
      const error = eventDefinitionOf(el)?.errorRef;
      const code = error?.errorCode?.trim();
      if (error && !code)
        problems.push(
          problemAt(
            id,
            el,
            `Its error ${error.id ?? ''} has no errorCode; remove the errorRef to catch every error`,
          ),
        );
      else if (code?.startsWith('='))
        problems.push(
          problemAt(
            id,
            el,
            `Its error ${error?.id ?? ''} has a FEEL errorCode, which is not supported`,
          ),
        );
    }
    return problems;
  },
};
