/**
 * Rule `script-task-expression`: a script task carries a `zeebe:script` with a FEEL
 * expression and a result variable. (Script tasks run as job workers are not supported.)
 */
import type { Problem, Rule } from '../types';
import { extension } from '../zeebe';
import { nodesOfType, problemAt } from './helpers';

const id = 'script-task-expression';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Script tasks have a FEEL expression and a result variable.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { element: el } of nodesOfType(ctx, 'bpmn:ScriptTask')) {
      const script = extension(el, 'zeebe:Script');
      if (!script) {
        problems.push(
          problemAt(id, el, 'It needs a zeebe:script with an expression and a resultVariable'),
        );
        continue;
      }
      if (!script.expression?.trim())
        problems.push(problemAt(id, el, 'Its zeebe:script has no expression'));
      if (!script.resultVariable?.trim())
        problems.push(problemAt(id, el, 'Its zeebe:script has no resultVariable'));
    }
    return problems;
  },
};
