/**
 * Rule `feel-syntax`: every FEEL expression in the model parses (conditions, mappings,
 * scripts, timers, correlation keys, called process ids, assignments), so a typo is a
 * deploy error rather than an incident at run time.
 */
import { collectExpressions } from '../expressions';
import { feelSyntaxError } from '../feel-source';
import type { Problem, Rule } from '../types';

const id = 'feel-syntax';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'FEEL expressions parse.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const found of collectExpressions(ctx.processes, ctx.definitions)) {
      const error = feelSyntaxError(found.expression);
      if (error) {
        problems.push({
          rule: id,
          elementId: found.elementId,
          message: `The FEEL ${found.where} "${found.expression}" of element ${found.elementId ?? '<no id>'} ${error}`,
        });
      }
    }
    return problems;
  },
};
