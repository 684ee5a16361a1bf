/**
 * Upstream sets for inclusive joins (BPMN 2.0 §13.3.4). For each incoming flow of a join,
 * the elements of the same scope from which that flow can still be reached without passing
 * through the join: walking backwards over sequence flows, and from a boundary event to its
 * host activity. The engine fires the join once no live token sits on the upstream set of
 * an incoming flow that has no token yet.
 */
import type { Located } from './model';
import type { ModdleElement } from './moddle-types';

/** Per incoming flow id of `gateway`, the upstream element ids in document order. */
export function inclusiveUpstream(gateway: Located): Record<string, string[]> {
  const { scope } = gateway;
  const predecessors = (node: ModdleElement): ModdleElement[] => {
    const preds = scope.flows
      .filter((f) => f.targetRef === node && f.sourceRef)
      .map((f) => f.sourceRef as ModdleElement);
    if (node.$type === 'bpmn:BoundaryEvent' && node.attachedToRef) preds.push(node.attachedToRef);
    return preds;
  };
  const upstream: Record<string, string[]> = {};
  for (const flow of scope.flows) {
    if (flow.targetRef !== gateway.element || !flow.id || !flow.sourceRef) continue;
    const seen = new Set<ModdleElement>();
    const stack = [flow.sourceRef];
    while (stack.length > 0) {
      const node = stack.pop() as ModdleElement;
      if (node === gateway.element || seen.has(node)) continue;
      seen.add(node);
      stack.push(...predecessors(node));
    }
    upstream[flow.id] = scope.nodes.filter((n) => seen.has(n) && n.id).map((n) => n.id as string);
  }
  return upstream;
}
