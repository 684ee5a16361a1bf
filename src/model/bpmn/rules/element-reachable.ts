/**
 * Rule `element-reachable` (warning): every flow node can be reached from the none start
 * event of its scope, following sequence flows and from activities to their boundary
 * events. Unreachable elements are harmless but usually a modelling mistake.
 */
import { isNoneStart } from '../elements';
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule } from '../types';
import { problemAt } from './helpers';
import { scopeIndex } from '../scope-index';

const id = 'element-reachable';

export const rule: Rule = {
  id,
  severity: 'warning',
  description: 'Flow nodes are reachable from the start event.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const scope of ctx.processes.flatMap((p) => p.scopes)) {
      const starts = scope.nodes.filter(isNoneStart);
      if (starts.length === 0 || scope.element.triggeredByEvent) continue;
      const reached = new Set<ModdleElement>();
      const queue = [...starts];
      while (queue.length > 0) {
        const node = queue.pop() as ModdleElement;
        if (reached.has(node)) continue;
        reached.add(node);
        const index = scopeIndex(scope);
        for (const flow of index.outgoing.get(node) ?? [])
          if (flow.targetRef) queue.push(flow.targetRef);
        queue.push(...(index.boundaries.get(node) ?? []));
      }
      for (const node of scope.nodes) {
        if (!reached.has(node))
          problems.push(problemAt(id, node, 'It cannot be reached from the start event'));
      }
    }
    return problems;
  },
};
