/**
 * Rule `compensation-activity-ref`: the `activityRef` of a compensation throw or end event
 * names an activity of the event's own process or subprocess that can be compensated — one
 * with a compensation boundary event, or a subprocess (whose content may hold some) (BPMN
 * 2.0.2 §10.5.5 Compensation Event Definition: "the Activity … MUST be in the same
 * Process or Sub-Process as the Event"). Inside an event subprocess the event compensates the
 * scope around it, as in Camunda, so the activity is one of that scope.
 */
import { eventDefinitionOf, eventKindOf, isEventSubProcess } from '../elements';
import type { ScopeInfo } from '../model';
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule, RuleContext } from '../types';
import { allNodes, problemAt } from './helpers';

const id = 'compensation-activity-ref';
const SCOPES = new Set(['bpmn:SubProcess', 'bpmn:Transaction', 'bpmn:AdHocSubProcess']);

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'A compensation event compensates an activity of its own scope.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const node of allNodes(ctx)) {
      const el = node.element;
      if (el.$type === 'bpmn:BoundaryEvent' || eventKindOf(el) !== 'compensate') continue;
      const target = eventDefinitionOf(el)?.activityRef;
      if (!target) continue;
      const at = `Its activityRef ${target.id ?? '?'}`;
      const nodes = compensatedNodes(ctx, node.scope);
      if (!nodes.includes(target))
        problems.push(
          problemAt(id, el, `${at} must be an activity of the same process or subprocess`),
        );
      else if (!SCOPES.has(target.$type) && !hasCompensationBoundary(nodes, target))
        problems.push(
          problemAt(id, el, `${at} has no compensation boundary event to compensate it`),
        );
    }
    return problems;
  },
};

/**
 * The nodes a compensation event in `scope` may name: its scope's, or, inside an event
 * subprocess, the scope around the event subprocess (what a throw there compensates).
 */
function compensatedNodes(ctx: RuleContext, scope: ScopeInfo): readonly ModdleElement[] {
  let at = scope;
  while (isEventSubProcess(at.element)) {
    const parent = ctx.processes
      .flatMap((p) => p.scopes)
      .find((s) => s.element === at.element.$parent);
    if (!parent) break;
    at = parent;
  }
  return at.nodes;
}

function hasCompensationBoundary(
  nodes: readonly ModdleElement[],
  activity: ModdleElement,
): boolean {
  return nodes.some(
    (n) =>
      n.$type === 'bpmn:BoundaryEvent' &&
      n.attachedToRef === activity &&
      eventKindOf(n) === 'compensate',
  );
}
