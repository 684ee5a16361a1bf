/**
 * Rule `element-reachable` (warning): every flow node can be reached from the none start
 * event of its scope (a process: from any of its start events), following sequence flows and from activities to their boundary
 * events, and from a link throw event to the link catch events of its name. Compensation
 * handlers are entered by compensation only and are not checked. Unreachable elements are
 * harmless but usually a modelling mistake.
 */
import { eventKindOf, isEventSubProcess, isNoneStart } from '../elements';
import { linkCatches, linkNameOf } from '../link-compensation';
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
      // An event subprocess starts at its triggered start event, and is itself entered by
      // its trigger, not by a flow. An ad-hoc subprocess has no start event.
      if (scope.element.$type === 'bpmn:AdHocSubProcess') continue;
      // A process also starts at its message, signal and timer start events.
      const starts = scope.nodes.filter((n) =>
        scope.element.triggeredByEvent || scope.isProcess
          ? n.$type === 'bpmn:StartEvent'
          : isNoneStart(n),
      );
      if (starts.length === 0) continue;
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
        if (node.$type === 'bpmn:IntermediateThrowEvent' && eventKindOf(node) === 'link')
          queue.push(...linkCatches(scope, linkNameOf(node)));
      }
      for (const node of scope.nodes) {
        if (!reached.has(node) && !isEventSubProcess(node) && node.isForCompensation !== true)
          problems.push(problemAt(id, node, 'It cannot be reached from the start event'));
      }
    }
    return problems;
  },
};
