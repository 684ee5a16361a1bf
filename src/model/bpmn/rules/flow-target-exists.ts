/**
 * Rule `flow-target-exists`: every sequence flow has a source and a target that exist, in
 * the same scope as the flow; flows never enter start or boundary events.
 */
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule, RuleContext } from '../types';
import { allFlows } from './helpers';

const id = 'flow-target-exists';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Sequence flows connect existing elements of their own scope.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { element: flow } of allFlows(ctx)) {
      const report = (message: string) =>
        problems.push({
          rule: id,
          elementId: flow.id,
          message: `Sequence flow ${flow.id ?? ''} ${message}`,
        });
      for (const [end, ref] of [
        ['source', flow.sourceRef],
        ['target', flow.targetRef],
      ] as const) {
        if (!ref) {
          const missing = unresolvedRef(
            ctx,
            flow,
            end === 'source' ? 'bpmn:sourceRef' : 'bpmn:targetRef',
          );
          report(
            missing ? `has ${end}Ref "${missing}", which names no element` : `has no ${end}Ref`,
          );
        } else if (ref.$parent !== flow.$parent) {
          report(
            `crosses a scope boundary: its ${end} ${ref.id ?? ''} is not in the same process or subprocess`,
          );
        }
      }
      const target = flow.targetRef;
      if (target?.$type === 'bpmn:StartEvent' || target?.$type === 'bpmn:BoundaryEvent') {
        report(`must not enter ${target.$type} ${target.id ?? ''}`);
      }
    }
    return problems;
  },
};

function unresolvedRef(
  ctx: RuleContext,
  flow: ModdleElement,
  property: string,
): string | undefined {
  return ctx.unresolved.find((u) => u.elementId === flow.id && u.property === property)?.ref;
}
