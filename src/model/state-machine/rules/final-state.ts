/**
 * Rule `final-state`: no transition starts from a final state (reaching it completes the
 * instance), and a final state has no timeout.
 */
import type { SmProblem, SmRule } from './types';

const id = 'final-state';

export const rule: SmRule = {
  id,
  description: 'No transition fires from a final state.',
  check(def) {
    const finals = new Set(def.states.filter((s) => s.isFinal).map((s) => s.code));
    const problems: SmProblem[] = [];
    def.transitions.forEach((t, i) => {
      if (finals.has(t.fromState))
        problems.push({
          rule: id,
          path: `transitions[${i}].fromState`,
          message: `transition '${t.code}' starts from final state '${t.fromState}'`,
        });
    });
    def.states.forEach((s, i) => {
      if (s.isFinal && s.timeoutHours !== undefined)
        problems.push({
          rule: id,
          path: `states[${i}].timeoutHours`,
          message: `final state '${s.code}' cannot have a timeout`,
        });
    });
    return problems;
  },
};
