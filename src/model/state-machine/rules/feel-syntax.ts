/** Rule `feel-syntax`: every transition condition parses as FEEL (a typo is a deploy error). */
import { feelSyntaxError } from '../../bpmn/feel-source';
import { conditionList } from '../conditions';
import type { SmProblem, SmRule } from './types';

const id = 'feel-syntax';

export const rule: SmRule = {
  id,
  description: 'Conditions parse as FEEL.',
  check(def) {
    const problems: SmProblem[] = [];
    def.transitions.forEach((t, i) => {
      const many = Array.isArray(t.conditions);
      conditionList(t.conditions).forEach((c, j) => {
        const error = feelSyntaxError(c);
        if (error)
          problems.push({
            rule: id,
            path: `transitions[${i}].conditions${many ? `[${j}]` : ''}`,
            message: `condition "${c}" of transition '${t.code}' ${error}`,
          });
      });
    });
    return problems;
  },
};
