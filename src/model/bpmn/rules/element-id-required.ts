/**
 * Rule `element-id-required`: every flow node and sequence flow of an executable process has
 * an id. BPMN 2.0.2 §8.3.1 "Base Element" makes `id` the handle by which elements are
 * referenced, and the engine names each element instance by it (`<instance>/<elementId>/<n>`,
 * the trail, incidents); an element without one could not be built (a node) or would be
 * dropped silently (a flow). Such an element has no id to report, so the problem names the
 * process or subprocess that holds it, where the XML shows its position.
 */
import type { Problem, Rule } from '../types';

const id = 'element-id-required';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Flow nodes and sequence flows have an id.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const model of ctx.processes) {
      for (const { element, scope } of [...model.nodes, ...model.flows]) {
        if (element.id) continue;
        const holder = scope.element.id ?? model.process.id;
        const place = scope.isProcess ? `process ${holder ?? ''}` : `subprocess ${holder ?? ''}`;
        problems.push({
          rule: id,
          ...(holder ? { elementId: holder } : {}),
          message: `A ${element.$type}${element.name ? ` named "${element.name}"` : ''} in ${place} has no id; every flow element needs one`,
        });
      }
    }
    return problems;
  },
};
