/**
 * Rule `sequence-flow-scope`: a sequence flow connects two flow nodes of the one
 * flowElementsContainer (process or subprocess) that holds the flow, so it never leaves or
 * enters a subprocess and never crosses a pool (BPMN 2.0.2 §8.4.13 "Sequence Flow" and
 * §8.4.8 "Flow Elements Container"; §7.6.1 "Sequence Flow Connections Rules": sequence flows
 * cannot cross a Sub-Process or Pool boundary; §10.3.5 "Sub-Process": a subprocess is
 * entered and left through its own boundary). Ends that do not resolve, or resolve to
 * something other than a flow node, are `flow-target-exists`'s to report.
 */
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule } from '../types';
import { allFlows, isInstanceOf, problemAt } from './helpers';

const id = 'sequence-flow-scope';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Sequence flows connect nodes of their own process or subprocess.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { element: flow } of allFlows(ctx)) {
      for (const [end, node] of [
        ['source', flow.sourceRef],
        ['target', flow.targetRef],
      ] as const) {
        if (node && isInstanceOf(node, 'bpmn:FlowNode') && node.$parent !== flow.$parent)
          problems.push(
            problemAt(
              id,
              flow,
              `Its ${end} ${describe(node)} is in ${describe(node.$parent)}, but the flow belongs to ${describe(flow.$parent)}; a sequence flow cannot leave or enter a subprocess or pool`,
            ),
          );
      }
    }
    return problems;
  },
};

function describe(el: ModdleElement | undefined): string {
  return el ? `${el.$type} ${el.id ?? '<no id>'}` : 'no container';
}
