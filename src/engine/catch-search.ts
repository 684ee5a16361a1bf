/**
 * Where a thrown error or escalation is caught (BPMN 2.0 §10.5.4 / §13.5.6 "Handling of
 * Events", Camunda 8 order): starting at the throwing element instance, each level is tried
 * in turn — the boundary events of the element instance, then the event subprocesses of the
 * scope it runs in (unless an interrupting one already runs there), then the element that
 * owns that scope (its boundary events), and so on up to the process. Within one level an
 * exact code match beats a catch-all (no code). An inner instance of a multi-instance or loop
 * activity has no boundaries: the search goes on at its body.
 */
import type { BoundaryEventIR, EventSubProcessIR } from '../model/bpmn/ir';
import { eventSubProcessesOf } from './event-subprocess-model';
import type { RunContext } from './run-context';
import type { Token } from './types';

export type CatchKind = 'error' | 'escalation';

export type Catcher =
  | { at: 'boundary'; host: Token; boundary: BoundaryEventIR }
  | { at: 'eventSubProcess'; scopeId: string; esp: EventSubProcessIR };

function boundaryCode(b: BoundaryEventIR, kind: CatchKind): string | undefined {
  return kind === 'error' ? b.errorCode : b.escalationCode;
}

function espCode(esp: EventSubProcessIR, kind: CatchKind): string | undefined | null {
  const t = esp.trigger;
  if (t.kind !== kind) return null;
  return t.kind === 'error' ? t.errorCode : t.kind === 'escalation' ? t.escalationCode : null;
}

/** The exact match, else the first catch-all (code undefined or ''), among `candidates`. */
function pick<T>(
  candidates: readonly T[],
  code: string,
  codeOf: (c: T) => string | undefined | null,
): T | undefined {
  let catchAll: T | undefined;
  for (const c of candidates) {
    const own = codeOf(c);
    if (own === null) continue;
    if (own === code) return c;
    if (own === undefined || own === '') catchAll ??= c;
  }
  return catchAll;
}

/** The nearest catcher of a `kind` thrown with `code` by `thrower`, if any. */
export function findCatcher(
  run: RunContext,
  thrower: Token,
  kind: CatchKind,
  code: string,
): Catcher | undefined {
  let current: Token | undefined = thrower;
  while (current) {
    // An inner instance of a multi-instance or loop activity has no boundaries of its own: they
    // belong to the body (§13.2.3), the next level up, whose interruption cancels the siblings.
    const own =
      current.loopCounter !== undefined ? [] : run.element(current.elementId).boundaryEvents;
    const boundaries = own
      .map((id) => run.element(id))
      .filter((b): b is BoundaryEventIR => b.type === 'boundaryEvent' && b.eventKind === kind);
    const boundary = pick(boundaries, code, (b) => boundaryCode(b, kind));
    if (boundary) return { at: 'boundary', host: current, boundary };
    const scopeId = current.scopeId;
    const scope = run.state.scopes[scopeId];
    if (scope && !scope.interruptedBy) {
      const esp = pick(eventSubProcessesOf(run.ir, scope.elementId), code, (e) => espCode(e, kind));
      if (esp) return { at: 'eventSubProcess', scopeId, esp };
    }
    current = run.findToken(scopeId);
  }
  return undefined;
}
