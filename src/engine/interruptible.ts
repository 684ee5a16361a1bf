/**
 * Which element instances the engine may end while their work is in flight (`cancelWork`),
 * short of cancelling the whole instance. Work is cancelled only by `cancelToken`
 * (src/engine/cancel.ts), which runs when
 *
 * - an interrupting boundary event of the element, or of an enclosing subprocess, fires
 *   (timer, message or error — BPMN 2.0 §13.5.6; a caught error interrupts the activity its
 *   boundary is attached to, so it is covered by the same rule), or
 * - a terminate end event ends a scope around the element: the process or an enclosing
 *   subprocess (§10.5.3), or
 * - an interrupting event subprocess starts in a scope around the element (§10.3.5): it
 *   cancels the rest of its scope (an error caught there too: error starts interrupt), or
 * - the completion condition of a multi-instance activity (the element or one around it)
 *   holds while other inner instances still run (§13.2.3), or
 * - an enclosing ad-hoc subprocess completes by its condition and cancels what is still active.
 *
 * The driver gives only such work a cancellation scope of its own (workflows/process/revisions.ts); the
 * rest is cancelled with the workflow itself, through Temporal's root scope.
 */
import type { ElementIR, ProcessIR } from '../model/bpmn/ir';

interface Analysis {
  /** Scopes that can end early (terminate end, interrupting event subprocess): ids, null = process. */
  terminated: Set<string | null>;
  answers: Map<string, boolean>;
}

const analyses = new WeakMap<ProcessIR, Analysis>();

/** Whether the engine may cancel `elementId`'s work before it completes. */
export function isInterruptible(ir: ProcessIR, elementId: string): boolean {
  let analysis = analyses.get(ir);
  if (!analysis) {
    analysis = { terminated: scopesThatEndEarly(ir), answers: new Map() };
    analyses.set(ir, analysis);
  }
  let answer = analysis.answers.get(elementId);
  if (answer === undefined) {
    answer = computeInterruptible(ir, analysis.terminated, elementId);
    analysis.answers.set(elementId, answer);
  }
  return answer;
}

function computeInterruptible(
  ir: ProcessIR,
  terminated: Set<string | null>,
  elementId: string,
): boolean {
  let el: ElementIR | undefined = ir.elements[elementId];
  while (el) {
    if (hasInterruptingBoundary(ir, el) || terminated.has(el.parentId)) return true;
    // A multi-instance body cancels the inner instances left once its completion condition holds.
    if (el.loop?.kind === 'multiInstance' && el.loop.completionCondition !== undefined) return true;
    el = el.parentId === null ? undefined : ir.elements[el.parentId];
    if (el?.type === 'adHocSubProcess' && el.completionCondition && el.cancelRemainingInstances)
      return true;
  }
  return false;
}

function hasInterruptingBoundary(ir: ProcessIR, el: ElementIR): boolean {
  return el.boundaryEvents.some((id) => {
    const b = ir.elements[id];
    return b?.type === 'boundaryEvent' && b.cancelActivity;
  });
}

/** Scopes holding a terminate end event or an interrupting event subprocess. */
function scopesThatEndEarly(ir: ProcessIR): Set<string | null> {
  const scopes = new Set<string | null>();
  for (const el of Object.values(ir.elements)) {
    if (el.type === 'endEvent' && el.eventKind === 'terminate') scopes.add(el.parentId);
    if (el.type === 'eventSubProcess' && el.interrupting) scopes.add(el.parentId);
  }
  return scopes;
}
