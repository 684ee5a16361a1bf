/**
 * Rule `io-mapping-target`: every `zeebe:input` / `zeebe:output` names the variable it
 * writes (`target`).
 */
import type { Problem, Rule } from '../types';
import { rawMappings } from '../zeebe';
import { allNodes, problemAt } from './helpers';

const id = 'io-mapping-target';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Input and output mappings have a target.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { element: el } of allNodes(ctx)) {
      for (const direction of ['input', 'output'] as const) {
        for (const m of rawMappings(el, direction)) {
          if (!m.target?.trim())
            problems.push(
              problemAt(
                id,
                el,
                `Its ${direction} mapping with source "${m.source ?? ''}" has no target`,
              ),
            );
        }
      }
    }
    return problems;
  },
};
