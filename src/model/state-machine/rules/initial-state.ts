/**
 * Rule `initial-state`: `initialState` names an existing state, exactly one state is marked
 * `isInitial`, and it is the one `initialState` names.
 */
import type { SmProblem, SmRule } from './types';

const id = 'initial-state';

export const rule: SmRule = {
  id,
  description: 'The initial state exists and is the one state marked initial.',
  check(def) {
    const problems: SmProblem[] = [];
    if (!def.states.some((s) => s.code === def.initialState)) {
      problems.push({
        rule: id,
        path: 'initialState',
        message: `initial state '${def.initialState}' is not a state of this workflow`,
      });
    }
    const marked = def.states.map((s, i) => ({ s, i })).filter(({ s }) => s.isInitial);
    if (marked.length === 0) {
      problems.push({ rule: id, path: 'states', message: 'no state is marked isInitial' });
    }
    if (marked.length > 1) {
      for (const { s, i } of marked.slice(1))
        problems.push({
          rule: id,
          path: `states[${i}].isInitial`,
          message: `state '${s.code}' is marked initial, but so is '${marked[0].s.code}': exactly one state is initial`,
        });
    }
    for (const { s, i } of marked) {
      if (s.code !== def.initialState)
        problems.push({
          rule: id,
          path: `states[${i}].isInitial`,
          message: `state '${s.code}' is marked initial but initialState is '${def.initialState}'`,
        });
    }
    return problems;
  },
};
