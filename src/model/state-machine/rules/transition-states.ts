/** Rule `transition-states`: every transition starts and ends at states of this workflow. */
import type { SmProblem, SmRule } from './types';

const id = 'transition-states';

export const rule: SmRule = {
  id,
  description: 'Transitions reference existing states.',
  check(def) {
    const states = new Set(def.states.map((s) => s.code));
    const problems: SmProblem[] = [];
    def.transitions.forEach((t, i) => {
      for (const end of ['fromState', 'toState'] as const) {
        if (!states.has(t[end]))
          problems.push({
            rule: id,
            path: `transitions[${i}].${end}`,
            message: `transition '${t.code}' ${end} '${t[end]}' is not a state of this workflow`,
          });
      }
    });
    return problems;
  },
};
