/**
 * Rule `flow-target-exists`: every sequence flow has one source and one target, both
 * existing flow nodes — events, activities or gateways (BPMN 2.0.2 §8.4.13 "Sequence Flow":
 * sourceRef and targetRef are required FlowNodes). That they share the flow's scope is
 * `sequence-flow-scope`'s check; which events may not be entered or left is
 * `start-event-incoming`'s, `end-event-outgoing`'s and `boundary-event-flows`'.
 */
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule, RuleContext } from '../types';
import { allFlows, isInstanceOf, problemAt } from './helpers';

const id = 'flow-target-exists';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Sequence flows connect existing elements.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { element: flow } of allFlows(ctx)) {
      for (const [end, ref] of [
        ['source', flow.sourceRef],
        ['target', flow.targetRef],
      ] as const) {
        if (ref) {
          if (!isInstanceOf(ref, 'bpmn:FlowNode'))
            problems.push(
              problemAt(
                id,
                flow,
                `Its ${end}Ref names ${ref.$type} ${ref.id ?? ''}, which is not a flow node (event, activity or gateway)`,
              ),
            );
          continue;
        }
        const missing = unresolvedRef(ctx, flow, `bpmn:${end}Ref`);
        problems.push({
          rule: id,
          elementId: flow.id,
          message: `Sequence flow ${flow.id ?? ''} ${
            missing ? `has ${end}Ref "${missing}", which names no element` : `has no ${end}Ref`
          }`,
        });
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
