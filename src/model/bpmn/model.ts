/**
 * Indexes a parsed process for the rules and the IR builder: every flow node and sequence
 * flow with the scope (process or embedded subprocess) that contains it, and every scope
 * with its own nodes and flows. Walking the moddle tree happens here once, so rules and the
 * builder work from flat lists instead of re-implementing the recursion.
 */
import type { ModdleElement } from './moddle-types';
import { scopeIndex } from './scope-index';

/** Flow elements that carry no behaviour and are ignored everywhere. */
const INERT_TYPES = new Set([
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
]);

/** Flow nodes that contain their own flow elements. */
const SCOPE_TYPES = new Set(['bpmn:SubProcess', 'bpmn:Transaction', 'bpmn:AdHocSubProcess']);

/** A process or an embedded subprocess: the unit a token walks and a start event starts. */
export interface ScopeInfo {
  element: ModdleElement;
  /** Id of the enclosing subprocess; null for the process itself and its direct children. */
  parentId: string | null;
  /** True for the process, false for subprocesses. */
  isProcess: boolean;
  nodes: ModdleElement[];
  flows: ModdleElement[];
}

/** A flow node (or sequence flow) with its containing scope. */
export interface Located {
  element: ModdleElement;
  /** Id of the containing subprocess, or null at process level. */
  parentId: string | null;
  scope: ScopeInfo;
}

export interface ProcessModel {
  process: ModdleElement;
  /** The process first, then subprocesses depth-first in document order. */
  scopes: ScopeInfo[];
  nodes: Located[];
  flows: Located[];
  /** Flow nodes by id. */
  nodeById: Map<string, Located>;
}

/** Indexes one `bpmn:Process`. */
export function indexProcess(process: ModdleElement): ProcessModel {
  const model: ProcessModel = { process, scopes: [], nodes: [], flows: [], nodeById: new Map() };
  walkScope(model, process, null, true);
  return model;
}

function walkScope(
  model: ProcessModel,
  container: ModdleElement,
  parentId: string | null,
  isProcess: boolean,
): void {
  const scope: ScopeInfo = { element: container, parentId, isProcess, nodes: [], flows: [] };
  model.scopes.push(scope);
  const childParent = isProcess ? null : (container.id ?? null);
  const subprocesses: ModdleElement[] = [];
  for (const el of container.flowElements ?? []) {
    if (INERT_TYPES.has(el.$type)) continue;
    const located: Located = { element: el, parentId: childParent, scope };
    if (el.$type === 'bpmn:SequenceFlow') {
      scope.flows.push(el);
      model.flows.push(located);
      continue;
    }
    scope.nodes.push(el);
    model.nodes.push(located);
    if (el.id) model.nodeById.set(el.id, located);
    if (SCOPE_TYPES.has(el.$type)) subprocesses.push(el);
  }
  for (const sub of subprocesses) walkScope(model, sub, childParent, false);
}

/** All `bpmn:Process` root elements of the definitions, in document order. */
export function processesOf(definitions: ModdleElement): ModdleElement[] {
  return (definitions.rootElements ?? []).filter((el) => el.$type === 'bpmn:Process');
}

/** The event definitions of an event, or an empty list. */
export function eventDefinitionsOf(el: ModdleElement): ModdleElement[] {
  return el.eventDefinitions ?? [];
}

/** The sequence flows leaving `node`, in document order of its scope. */
export function outgoingOf(located: Located): ModdleElement[] {
  return [...(scopeIndex(located.scope).outgoing.get(located.element) ?? [])];
}

/** The sequence flows entering `node`, in document order of its scope. */
export function incomingOf(located: Located): ModdleElement[] {
  return [...(scopeIndex(located.scope).incoming.get(located.element) ?? [])];
}

/** Boundary events attached to `node`, in document order. */
export function boundaryEventsOf(located: Located): ModdleElement[] {
  return [...(scopeIndex(located.scope).boundaries.get(located.element) ?? [])];
}
