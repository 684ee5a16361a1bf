/** Rule `unique-codes`: state codes are unique, and so are transition codes. */
import type { SmProblem, SmRule } from './types';

const id = 'unique-codes';

function duplicates(list: { code: string }[], what: string, path: string): SmProblem[] {
  const seen = new Set<string>();
  const problems: SmProblem[] = [];
  list.forEach((item, i) => {
    if (seen.has(item.code))
      problems.push({
        rule: id,
        path: `${path}[${i}].code`,
        message: `${what} code '${item.code}' is used more than once`,
      });
    seen.add(item.code);
  });
  return problems;
}

export const rule: SmRule = {
  id,
  description: 'State codes and transition codes are unique.',
  check(def) {
    return [
      ...duplicates(def.states, 'state', 'states'),
      ...duplicates(def.transitions, 'transition', 'transitions'),
    ];
  },
};
