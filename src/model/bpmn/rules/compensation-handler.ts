/**
 * Rule `compensation-handler`: a compensation boundary event is associated (bpmn:Association)
 * with exactly one compensation handler — an activity of the same scope marked
 * `isForCompensation="true"` — and a handler is entered only by compensation, so it has no
 * incoming or outgoing sequence flows and belongs to a compensation boundary event (BPMN
 * 2.0.2 §10.5.4 "Attaching events to activities", compensation; §10.3.1 isForCompensation:
 * "a compensation activity … MUST NOT have any incoming or outgoing Sequence Flows").
 */
import { ACTIVITY_TYPES, eventKindOf } from '../elements';
import { compensationHandlersOf } from '../link-compensation';
import type { Located } from '../model';
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule, RuleContext } from '../types';
import { allNodes, flowsInto, flowsOutOf, problemAt } from './helpers';

const id = 'compensation-handler';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Compensation boundary events have one handler; handlers have no sequence flows.',
  check(ctx) {
    const nodes = allNodes(ctx);
    const handled = new Set<ModdleElement>();
    const problems: Problem[] = [];
    for (const node of nodes) {
      const el = node.element;
      if (el.$type !== 'bpmn:BoundaryEvent' || eventKindOf(el) !== 'compensate') continue;
      const handlers = compensationHandlersOf(el);
      handlers.forEach((h) => handled.add(h));
      problems.push(...boundaryProblems(nodes, node, handlers));
    }
    for (const { element: el } of nodes) {
      if (el.isForCompensation !== true || !ACTIVITY_TYPES.has(el.$type)) continue;
      problems.push(...handlerProblems(ctx, el, handled.has(el)));
    }
    return problems;
  },
};

function boundaryProblems(nodes: Located[], node: Located, handlers: ModdleElement[]): Problem[] {
  const el = node.element;
  if (handlers.length !== 1)
    return [
      problemAt(
        id,
        el,
        handlers.length === 0
          ? 'A compensation boundary event needs an association to its compensation handler (an activity with isForCompensation="true")'
          : `A compensation boundary event has one handler, but it is associated with ${handlers.map((h) => h.id ?? '?').join(', ')}`,
      ),
    ];
  const handler = handlers[0];
  const located = nodes.find((n) => n.element === handler);
  if (!located || !ACTIVITY_TYPES.has(handler.$type) || handler.isForCompensation !== true)
    return [
      problemAt(
        id,
        el,
        `Its handler ${handler.id ?? '?'} must be an activity with isForCompensation="true"`,
      ),
    ];
  if (located.scope !== node.scope)
    return [
      problemAt(
        id,
        el,
        `Its handler ${handler.id ?? '?'} must be in the same process or subprocess`,
      ),
    ];
  return [];
}

function handlerProblems(ctx: RuleContext, el: ModdleElement, handled: boolean): Problem[] {
  const problems = [...flowsInto(ctx, el), ...flowsOutOf(ctx, el)].map((f) =>
    problemAt(
      id,
      el,
      `A compensation handler must not have sequence flows, but ${f.id ?? '<no id>'} connects it`,
    ),
  );
  if (!handled)
    problems.push(
      problemAt(
        id,
        el,
        'A compensation handler must be associated with a compensation boundary event',
      ),
    );
  return problems;
}
