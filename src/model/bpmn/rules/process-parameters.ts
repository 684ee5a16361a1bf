/**
 * Rule `process-parameters`: start parameters declared on the process as
 * `<zeebe:property name="param:<name>" value="<type>[!]"/>` use a known type.
 */
import type { Problem, Rule } from '../types';
import { properties } from '../zeebe';
import { problemAt } from './helpers';

const id = 'process-parameters';
export const PARAMETER_TYPES = ['string', 'number', 'boolean', 'object', 'any'] as const;

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Declared process parameters have a known type.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { process } of ctx.processes) {
      for (const p of properties(process)) {
        if (!p.name.startsWith('param:')) continue;
        const name = p.name.slice('param:'.length).trim();
        const type = p.value.trim().replace(/!$/, '');
        if (!name)
          problems.push(
            problemAt(id, process, `Property "${p.name}" declares a parameter without a name`),
          );
        if (!(PARAMETER_TYPES as readonly string[]).includes(type)) {
          problems.push(
            problemAt(
              id,
              process,
              `Parameter "${name}" has type "${p.value}"; use one of ${PARAMETER_TYPES.join(', ')} (suffix ! for required)`,
            ),
          );
        }
      }
    }
    return problems;
  },
};
