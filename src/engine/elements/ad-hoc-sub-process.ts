/**
 * Ad-hoc subprocess (BPMN 2.0 §10.3.5 "Ad-Hoc Sub-Process", Camunda 8.7 `zeebe:adHoc`). On
 * entry `activeElementsCollection` is evaluated to a list of inner element ids (each one
 * without incoming flows); `ordering` Parallel starts them all at once, Sequential one after
 * the other, each when the previous path ended. After every inner element completes, the
 * `completionCondition` is evaluated: true completes the subprocess — the inner elements still
 * active are cancelled first (`cancelRemainingInstances`, default true) and none is started
 * any more. Without a condition it completes when its last path ended. A list naming other
 * elements, or not a list of strings, is an `expression` incident; an empty list completes it.
 */
import type { AdHocSubProcessIR } from '../../model/bpmn/ir';
import { evaluateCondition, evaluateFeel } from '../feel';
import type { Token } from '../types';
import type { ElementBehaviour, EngineContext } from './behaviour';

function activeElements(ctx: EngineContext, token: Token, el: AdHocSubProcessIR): string[] | null {
  if (el.activeElements === undefined) return [];
  const r = evaluateFeel(el.activeElements, ctx.variables(token), { now: ctx.now });
  const value = r.ok ? r.value : undefined;
  const list = typeof value === 'string' ? [value] : value === null ? [] : value;
  const bad = !Array.isArray(list) || list.some((id) => !el.activatable.includes(id as string));
  if (!bad) return list as string[];
  const why = r.ok ? `active elements ${JSON.stringify(value)}` : r.error;
  ctx.incident(
    token,
    'expression',
    `element '${el.id}': ${why} (activatable: ${el.activatable.join(', ')})`,
  );
  return null;
}

function start(ctx: EngineContext, token: Token, el: AdHocSubProcessIR): void {
  const ids = activeElements(ctx, token, el);
  if (!ids) return;
  if (ids.length === 0) return ctx.complete(token);
  const first = el.ordering === 'sequential' ? ids.slice(0, 1) : ids;
  (ctx.state.adHoc ??= {})[token.feiId] = { queue: ids.slice(first.length) };
  for (const id of first) ctx.spawn(token.feiId, id);
}

function finish(ctx: EngineContext, token: Token): void {
  if (ctx.state.adHoc) {
    delete ctx.state.adHoc[token.feiId];
    if (Object.keys(ctx.state.adHoc).length === 0) delete ctx.state.adHoc;
  }
  ctx.complete(token);
}

export const adHocSubProcess: ElementBehaviour<AdHocSubProcessIR> = {
  ownsScope: true,
  enter: start,
  onRetry(ctx, token, el) {
    if (!ctx.state.adHoc?.[token.feiId]) start(ctx, token, el);
  },
  onScopeEmpty(ctx, token) {
    const open = ctx.state.adHoc?.[token.feiId];
    const next = open && !open.done ? open.queue.shift() : undefined;
    if (next !== undefined) ctx.spawn(token.feiId, next);
    else finish(ctx, token);
  },
  onCancel(ctx, token) {
    if (ctx.state.adHoc) delete ctx.state.adHoc[token.feiId];
  },
};

/**
 * An element instance completed inside an open ad-hoc subprocess instance: its completion
 * condition may end the subprocess (the completing path itself runs to its end).
 */
export function adHocInnerCompleted(ctx: EngineContext, inner: Token): void {
  const open = ctx.state.adHoc?.[inner.scopeId];
  if (!open || open.done) return;
  const owner = Object.values(ctx.state.tokens).find((t) => t.feiId === inner.scopeId);
  const el = owner ? ctx.ir.elements[owner.elementId] : undefined;
  if (!owner || el?.type !== 'adHocSubProcess' || el.completionCondition === undefined) return;
  const r = evaluateCondition(el.completionCondition, ctx.variables(owner), { now: ctx.now });
  if (!r.ok || !r.value) return;
  open.done = true;
  open.queue = [];
  if (!el.cancelRemainingInstances) return;
  for (const t of Object.values(ctx.state.tokens))
    if (t.scopeId === owner.feiId && t !== inner) ctx.cancel(t);
}
