/**
 * Rule `timeout-transition`: a state with `timeoutHours` names an `onTimeoutTransition` (and
 * one without a timeout names none); that transition exists, is enabled and starts from the
 * state.
 */
import type { SmProblem, SmRule } from './types';

const id = 'timeout-transition';

export const rule: SmRule = {
  id,
  description: 'Timeouts name an existing, enabled transition from their state.',
  check(def) {
    const problems: SmProblem[] = [];
    def.states.forEach((s, i) => {
      const path = `states[${i}].onTimeoutTransition`;
      if (s.timeoutHours !== undefined && s.onTimeoutTransition === undefined)
        problems.push({
          rule: id,
          path,
          message: `state '${s.code}' has a timeout but no onTimeoutTransition`,
        });
      if (s.onTimeoutTransition === undefined) return;
      if (s.timeoutHours === undefined)
        problems.push({
          rule: id,
          path: `states[${i}].timeoutHours`,
          message: `state '${s.code}' names onTimeoutTransition '${s.onTimeoutTransition}' but has no timeoutHours`,
        });
      const t = def.transitions.find((x) => x.code === s.onTimeoutTransition);
      if (!t) {
        problems.push({
          rule: id,
          path,
          message: `onTimeoutTransition '${s.onTimeoutTransition}' of state '${s.code}' is not a transition of this workflow`,
        });
        return;
      }
      if (!t.enabled)
        problems.push({
          rule: id,
          path,
          message: `onTimeoutTransition '${t.code}' of state '${s.code}' is disabled`,
        });
      if (t.fromState !== s.code)
        problems.push({
          rule: id,
          path,
          message: `onTimeoutTransition '${t.code}' starts from '${t.fromState}', not from '${s.code}'`,
        });
    });
    return problems;
  },
};
