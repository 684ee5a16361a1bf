/**
 * Rule `reference-resolvable`: every reference attribute (messageRef, errorRef,
 * attachedToRef, default, …) names an existing element. Sequence flow ends are reported by
 * `flow-target-exists`, diagram references are ignored.
 */
import type { Rule } from '../types';

const id = 'reference-resolvable';
const FLOW_ENDS = new Set(['bpmn:sourceRef', 'bpmn:targetRef']);

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'References name existing elements.',
  check(ctx) {
    return ctx.unresolved
      .filter((u) => !FLOW_ENDS.has(u.property))
      .map((u) => ({
        rule: id,
        elementId: u.elementId,
        message: `${u.property} "${u.ref}" of element ${u.elementId ?? '<no id>'} names no element`,
      }));
  },
};
