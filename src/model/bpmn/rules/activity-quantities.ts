/**
 * Rule `activity-quantities`: `startQuantity` and `completionQuantity` (BPMN 2.0.2 §10.3.1
 * "Activity", §13.2.1) other than the default 1 are refused. 0 is invalid by the spec (both
 * are "1 or more"); values above 1 (wait for that many tokens, emit that many per flow) are
 * not implemented.
 */
import { ACTIVITY_TYPES } from '../elements';
import type { Problem, Rule } from '../types';
import { allNodes, problemAt } from './helpers';

const id = 'activity-quantities';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'startQuantity and completionQuantity are 1.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { element: el } of allNodes(ctx)) {
      if (!ACTIVITY_TYPES.has(el.$type)) continue;
      for (const attr of ['startQuantity', 'completionQuantity'] as const) {
        const value = el[attr];
        if (value === undefined || value === 1) continue;
        const why =
          value < 1
            ? `${value} is invalid (BPMN 2.0 §13.2.1 requires at least 1)`
            : `${value} is not supported (only 1, the default)`;
        problems.push(problemAt(id, el, `${attr}="${value}": ${why}`));
      }
    }
    return problems;
  },
};
