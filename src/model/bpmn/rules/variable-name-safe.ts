/**
 * Rule `variable-name-safe`: no `zeebe:input` / `zeebe:output` target, script
 * `resultVariable` or task header `resultVariable` / `resultKey` has a segment `__proto__`,
 * `constructor` or `prototype` (src/model/variable-names.ts): writing one would reach the
 * prototype of the variables object instead of creating a variable.
 */
import type { Problem, Rule } from '../types';
import { extension, rawMappings, taskHeaders } from '../zeebe';
import { unsafeSegment } from '../../variable-names';
import { allNodes, problemAt } from './helpers';

const id = 'variable-name-safe';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Mapping targets and result variables are not __proto__, constructor or prototype.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { element: el } of allNodes(ctx)) {
      const named: Array<[what: string, name: string | undefined]> = [];
      for (const direction of ['input', 'output'] as const)
        for (const m of rawMappings(el, direction))
          named.push([`its ${direction} mapping target`, m.target]);
      named.push([
        'its zeebe:script resultVariable',
        extension(el, 'zeebe:Script')?.resultVariable,
      ]);
      const headers = taskHeaders(el);
      named.push(['its task header resultVariable', headers.resultVariable]);
      named.push(['its task header resultKey', headers.resultKey]);
      for (const [what, name] of named) {
        const bad = name ? unsafeSegment(name) : undefined;
        if (bad)
          problems.push(problemAt(id, el, `${what} "${name}" uses the reserved name "${bad}"`));
      }
    }
    return problems;
  },
};
