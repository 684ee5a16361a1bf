/**
 * Static questions about a process's event subprocesses (BPMN 2.0 §10.3.5), answered from
 * the IR once per model: which event subprocesses a scope holds (by the scope's element id,
 * null for the process) and which event subprocess a start event starts.
 */
import type { EventSubProcessIR, ProcessIR } from '../model/bpmn/ir';

interface Index {
  byScope: Map<string | null, EventSubProcessIR[]>;
  byStart: Map<string, EventSubProcessIR>;
}

const indexes = new WeakMap<ProcessIR, Index>();

function indexOf(ir: ProcessIR): Index {
  let index = indexes.get(ir);
  if (!index) {
    index = { byScope: new Map(), byStart: new Map() };
    for (const el of Object.values(ir.elements)) {
      if (el.type !== 'eventSubProcess') continue;
      const list = index.byScope.get(el.parentId) ?? [];
      list.push(el);
      index.byScope.set(el.parentId, list);
      index.byStart.set(el.startEventId, el);
    }
    indexes.set(ir, index);
  }
  return index;
}

const NONE: readonly EventSubProcessIR[] = [];

/** The event subprocesses directly inside the scope of `scopeElementId` (null = the process). */
export function eventSubProcessesOf(
  ir: ProcessIR,
  scopeElementId: string | null,
): readonly EventSubProcessIR[] {
  return indexOf(ir).byScope.get(scopeElementId) ?? NONE;
}

/** The event subprocess `elementId` is the start event of, if it is one. */
export function eventSubProcessOfStart(
  ir: ProcessIR,
  elementId: string,
): EventSubProcessIR | undefined {
  return indexOf(ir).byStart.get(elementId);
}
