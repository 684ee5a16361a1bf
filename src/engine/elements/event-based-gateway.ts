/**
 * Event-based gateway (BPMN 2.0 §13.3.3 "Event-Based Gateway"): on arrival it arms every
 * following catch event (timers, message and signal subscriptions; receive tasks too) as one group owned
 * by the gateway's instance. The first to fire wins: the others are cancelled, the gateway
 * completes along the winner's flow and the winning event completes at once with its payload.
 */
import type { ElementIR, GatewayIR } from '../../model/bpmn/ir';
import { EngineError } from '../errors';
import type { ElementBehaviour, EngineContext } from './behaviour';
import type { Token, Variables } from '../types';

function win(
  ctx: EngineContext,
  token: Token,
  el: ElementIR,
  targetId: string,
  variables: Variables,
): void {
  ctx.disarm(token);
  const flows = el.outgoing.filter((f) => ctx.ir.flows[f]?.targetId === targetId);
  ctx.complete(token, { flows, triggers: { [targetId]: variables } });
}

export const eventBasedGateway: ElementBehaviour<GatewayIR> = {
  enter(ctx, token, el) {
    for (const flowId of el.outgoing) {
      const target = ctx.ir.elements[ctx.ir.flows[flowId]?.targetId ?? ''];
      if (
        target?.type === 'intermediateCatchEvent' &&
        target.eventKind === 'timer' &&
        target.timer
      ) {
        if (!ctx.startTimer(token, target.id, target.timer)) return ctx.disarm(token);
        continue;
      }
      if (target?.type === 'intermediateCatchEvent' && target.eventKind === 'signal') {
        ctx.subscribeSignal(token, target.id, target.signal ?? '');
        continue;
      }
      const message =
        target?.type === 'receiveTask'
          ? target.message
          : target?.type === 'intermediateCatchEvent' && target.eventKind === 'message'
            ? target.message
            : undefined;
      if (!target || !message) {
        throw new EngineError(
          `event-based gateway '${el.id}': flow '${flowId}' must lead to a timer, message or signal catch event`,
          el.id,
        );
      }
      const consumed = ctx.subscribe(token, target.id, message);
      if (consumed === false) return ctx.disarm(token);
      if (consumed) return win(ctx, token, el, target.id, consumed.variables);
    }
  },
  onEvent(ctx, token, el, event) {
    if (event.type === 'timer') win(ctx, token, el, event.timer.elementId, {});
    else if (event.type === 'message' || event.type === 'signal')
      win(ctx, token, el, event.elementId, event.variables);
  },
};
