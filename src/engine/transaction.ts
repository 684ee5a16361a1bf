/**
 * Transaction subprocesses and cancel events (BPMN 2.0 §10.3.5 "Transaction", §10.5.3 cancel
 * end event, §13.5.6 cancel boundary event). A cancel end event, directly inside a
 * transaction, ends every other token of the transaction instance, compensates the
 * transaction's completed activities (reverse completion order, handlers one at a time, as a
 * compensation end event does — `compensation.ts`) and then leaves the transaction: the
 * transaction instance is cancelled (it is not recorded as completed) and its cancel boundary
 * event is taken. The compiler requires the boundary (`cancel-event-transaction`).
 */
import type { EndEventIR } from '../model/bpmn/ir';
import { continueCompensation, throwCompensation } from './compensation';
import type { EngineContext } from './elements/behaviour';
import { EngineError } from './errors';
import type { Token } from './types';

/** The cancel end event was reached: cancel the rest, compensate, then leave. */
export function cancelTransaction(ctx: EngineContext, token: Token): void {
  ctx.terminateScope(token);
  throwCompensation(ctx, token, { waitForCompletion: true }, () => leave(ctx, token));
}

/** A handler of the cancel end event's compensation completed: the next one, or leave. */
export function continueCancel(ctx: EngineContext, token: Token): void {
  continueCompensation(ctx, token, () => leave(ctx, token));
}

function leave(ctx: EngineContext, token: Token): void {
  const el = ctx.ir.elements[token.elementId] as EndEventIR;
  const host = Object.values(ctx.state.tokens).find((t) => t.feiId === token.scopeId);
  const hostEl = host ? ctx.ir.elements[host.elementId] : undefined;
  const boundary = hostEl?.boundaryEvents
    .map((id) => ctx.ir.elements[id])
    .find((b) => b?.type === 'boundaryEvent' && b.eventKind === 'cancel');
  if (!host || !boundary)
    throw new EngineError(
      `cancel end event '${el.id}' is not inside a transaction with a cancel boundary event`,
      el.id,
    );
  // The end event did its job (as a caught error end event): trail entry, then the
  // transaction is cancelled before its now empty scope could complete.
  ctx.complete(token, { flows: [] });
  ctx.cancel(host);
  ctx.spawn(host.scopeId, boundary.id, {});
}
