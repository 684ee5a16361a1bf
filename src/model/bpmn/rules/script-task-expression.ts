/**
 * Rule `script-task-expression`: a script task carries a `zeebe:script` with a FEEL
 * expression and a result variable (BPMN 2.0.2 §10.3.3 "Script Task", as Camunda 8 implements
 * it). Camunda 8's other form, a script task run by a job worker (`zeebe:taskDefinition`),
 * is not supported by Waymark and is refused by name; use a service task for that.
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
        const jobWorker = extension(el, 'zeebe:TaskDefinition') !== undefined;
        problems.push(
          problemAt(
            id,
            el,
            jobWorker
              ? 'A script task run by a job worker (zeebe:taskDefinition) is not supported; use a zeebe:script FEEL expression with a resultVariable, or a service task'
              : 'It needs a zeebe:script with an expression and a resultVariable',
          ),
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
