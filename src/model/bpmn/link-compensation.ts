/**
 * What the compiler reads for link events (BPMN 2.0.2 §10.5.5 "Link Event Definition"),
 * compensation (§10.5.5 "Compensation Event Definition", §10.3.1 `isForCompensation`) and
 * complex gateways (§10.6.5): the link a throw event jumps to, the handler activity a
 * compensation boundary event is associated with, and what a compensation throw compensates.
 * Rules and builders both use these, so the model is read one way.
 */
import type { CompensationDef } from './ir';
import { eventDefinitionOf, eventKindOf, isEventSubProcess } from './elements';
import type { Located, ScopeInfo } from './model';
import type { ModdleElement } from './moddle-types';

/** The link name of a link event (trimmed; '' when missing). */
export function linkNameOf(el: ModdleElement): string {
  return eventDefinitionOf(el)?.name?.trim() ?? '';
}

/** Link catch events of a scope with the given name, in document order. */
export function linkCatches(scope: ScopeInfo, name: string): ModdleElement[] {
  return scope.nodes.filter(
    (n) =>
      n.$type === 'bpmn:IntermediateCatchEvent' &&
      eventKindOf(n) === 'link' &&
      linkNameOf(n) === name,
  );
}

/** The one catch event a link throw event leads to ('' when there is not exactly one). */
export function linkTargetOf(node: Located): string {
  const catches = linkCatches(node.scope, linkNameOf(node.element));
  return catches.length === 1 ? (catches[0].id ?? '') : '';
}

/** The `bpmn:CompensateEventDefinition` of a compensation throw or end event. */
export function compensationOf(el: ModdleElement): CompensationDef {
  const def = eventDefinitionOf(el);
  return {
    ...(def?.activityRef?.id ? { activityRef: def.activityRef.id } : {}),
    waitForCompletion: def?.waitForCompletion !== false,
    ...(el.$parent && isEventSubProcess(el.$parent) ? { ofParent: true as const } : {}),
  };
}

/** The topmost element above `el` (the `bpmn:Definitions`). */
function rootOf(el: ModdleElement): ModdleElement {
  let at = el;
  while (at.$parent) at = at.$parent;
  return at;
}

/** Every `bpmn:Association` of the definitions: processes, subprocesses, collaborations. */
function associationsOf(root: ModdleElement): ModdleElement[] {
  const found: ModdleElement[] = [];
  const walk = (el: ModdleElement) => {
    for (const a of el.artifacts ?? []) if (a.$type === 'bpmn:Association') found.push(a);
    for (const child of [...(el.rootElements ?? []), ...(el.flowElements ?? [])]) walk(child);
  };
  walk(root);
  return found;
}

/**
 * The activities associated with a compensation boundary event (either direction of the
 * association): the handlers. Valid models have exactly one.
 */
export function compensationHandlersOf(boundary: ModdleElement): ModdleElement[] {
  const handlers: ModdleElement[] = [];
  for (const a of associationsOf(rootOf(boundary))) {
    const other =
      a.sourceRef === boundary ? a.targetRef : a.targetRef === boundary ? a.sourceRef : undefined;
    if (other && !handlers.includes(other)) handlers.push(other);
  }
  return handlers;
}

/** The id of the handler of a compensation boundary event ('' when there is none). */
export function compensationHandlerOf(boundary: ModdleElement): string {
  return compensationHandlersOf(boundary)[0]?.id ?? '';
}
