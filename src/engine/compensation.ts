/**
 * Compensation (BPMN 2.0 §10.5.5 compensation events, §13.5.5 "Compensation"): which
 * completed activity instances can be compensated, and running their handlers.
 *
 * - Recording: when an activity with a compensation boundary event completes, it is appended
 *   to `state.compensable[scope instance]`. A subprocess instance that completes with records
 *   of its own content (or with a compensation boundary) is recorded with those records as
 *   `inner`. Nothing is recorded for models without compensation boundaries.
 * - Throwing (intermediate throw or end event): the records of the thrower's scope instance (of
 *   the scope around it when it is thrown in an event subprocess, `ofParent`) —
 *   all, or those of `activityRef` — are taken (each instance is compensated once), expanded
 *   in reverse completion order (a subprocess: its inner records reversed, then its own
 *   handler) and the handlers run one after the other in a scope owned by the throw event,
 *   which completes when the last one did (`waitForCompletion`). Without waiting, they all
 *   start at once in the thrower's scope and the event completes immediately.
 * - Cancelling a scope instance drops its records (its content did not complete).
 */
import type { CompensationDef, ElementIR, ProcessIR } from '../model/bpmn/ir';
import type { EngineContext } from './elements/behaviour';
import type { CompensationRecord, EngineState, PendingHandler, Token } from './types';

const handlers = new WeakMap<ProcessIR, Map<string, string | undefined>>();

/** The handler of the element's compensation boundary event, if it has one. */
export function handlerOf(ir: ProcessIR, el: ElementIR): string | undefined {
  if (el.boundaryEvents.length === 0) return undefined;
  let perIr = handlers.get(ir);
  if (!perIr) handlers.set(ir, (perIr = new Map()));
  if (!perIr.has(el.id)) {
    const b = el.boundaryEvents
      .map((id) => ir.elements[id])
      .find((x) => x?.type === 'boundaryEvent' && x.eventKind === 'compensate');
    perIr.set(el.id, b?.type === 'boundaryEvent' ? b.handlerId : undefined);
  }
  return perIr.get(el.id);
}

/** Records a completing element instance when it is compensable (see the module comment). */
export function recordCompletion(ctx: EngineContext, token: Token, el: ElementIR): void {
  const { state } = ctx;
  const inner = state.compensable?.[token.feiId];
  if (inner) forgetRecords(state, token.feiId);
  if (el.isForCompensation) return;
  if (!inner && handlerOf(ctx.ir, el) === undefined) return;
  const record: CompensationRecord = { elementId: el.id, feiId: token.feiId };
  if (inner) record.inner = inner;
  ((state.compensable ??= {})[token.scopeId] ??= []).push(record);
}

function forgetRecords(state: EngineState, scopeId: string): void {
  if (!state.compensable) return;
  delete state.compensable[scopeId];
  if (Object.keys(state.compensable).length === 0) delete state.compensable;
}

/** Drops what a cancelled element instance held: its scope's records, its pending handlers. */
export function forgetCompensation(state: EngineState, feiId: string): void {
  forgetRecords(state, feiId);
  if (state.compensating) {
    delete state.compensating[feiId];
    if (Object.keys(state.compensating).length === 0) delete state.compensating;
  }
}

/** Takes the records to compensate out of the scope's list (all, or those of `activityRef`). */
function takeRecords(state: EngineState, scopeId: string, def: CompensationDef) {
  const list = state.compensable?.[scopeId] ?? [];
  const taken = list.filter(
    (r) => def.activityRef === undefined || r.elementId === def.activityRef,
  );
  const kept = list.filter((r) => !taken.includes(r));
  if (kept.length > 0) (state.compensable ??= {})[scopeId] = kept;
  else forgetRecords(state, scopeId);
  return taken;
}

/** Handlers for the records, in reverse completion order; a subprocess's content first. */
function plan(ir: ProcessIR, records: CompensationRecord[]): PendingHandler[] {
  const out: PendingHandler[] = [];
  for (const r of [...records].reverse()) {
    if (r.inner) out.push(...plan(ir, r.inner));
    const el = ir.elements[r.elementId];
    const handlerId = el ? handlerOf(ir, el) : undefined;
    if (handlerId) out.push({ handlerId, compensates: r.feiId });
  }
  return out;
}

/**
 * The scope a compensation thrown inside an event subprocess compensates: the scope instance
 * the event subprocess runs in (past nested event subprocesses), whose completed activities
 * the event subprocess is there to undo (Camunda: "compensation within the event subprocess
 * scope's parent").
 */
function compensatedScope(ctx: EngineContext, scopeId: string): string {
  const isEsp = (elementId: string | null) =>
    elementId !== null && ctx.ir.elements[elementId]?.type === 'eventSubProcess';
  let at = ctx.state.scopes[scopeId];
  while (at?.parentId && isEsp(at.elementId)) at = ctx.state.scopes[at.parentId];
  return at?.id ?? scopeId;
}

/**
 * Throws compensation from `token` (a compensation throw or end event). The token then
 * waits for its handlers, or completes at once when there are none or it does not wait.
 */
export function throwCompensation(
  ctx: EngineContext,
  token: Token,
  def: CompensationDef,
  done: () => void = () => ctx.complete(token),
): void {
  const { state } = ctx;
  const scopeId = def.ofParent ? compensatedScope(ctx, token.scopeId) : token.scopeId;
  const pending = plan(ctx.ir, takeRecords(state, scopeId, def));
  if (pending.length === 0) return done();
  if (!def.waitForCompletion) {
    for (const h of pending) ctx.spawn(token.scopeId, h.handlerId);
    return done();
  }
  state.scopes[token.feiId] ??= {
    id: token.feiId,
    elementId: token.elementId,
    parentId: token.scopeId,
    variables: {},
  };
  (state.compensating ??= {})[token.feiId] = pending;
  continueCompensation(ctx, token, done);
}

/**
 * Starts the next handler of the throw event's compensation, or, when none is left, ends it
 * with `done` (by default: the event completes).
 */
export function continueCompensation(
  ctx: EngineContext,
  token: Token,
  done: () => void = () => ctx.complete(token),
): void {
  const { state } = ctx;
  const next = state.compensating?.[token.feiId]?.shift();
  if (!next) {
    forgetCompensation(state, token.feiId);
    done();
    return;
  }
  ctx.spawn(token.feiId, next.handlerId);
}
