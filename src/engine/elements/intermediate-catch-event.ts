/**
 * Intermediate catch events (BPMN 2.0 §10.5.4, §13.5.4): a timer catch starts a timer
 * (duration, date, or the first due time of a cycle: it fires once) and a message catch opens
 * a subscription (a buffered message is consumed at once), a conditional catch (§10.5.1)
 * passes at once when its condition holds, else waits until it becomes true
 * (`conditions.ts`), a signal catch subscribes to its signal (from this instance or, broadcast,
 * from any other: signals.ts). The token waits until it fires.
 * Reached from an event-based gateway, the event has already happened (the trigger).
 */
import type { CatchEventIR } from '../../model/bpmn/ir';
import { EngineError } from '../errors';
import type { ElementBehaviour } from './behaviour';

export const intermediateCatchEvent: ElementBehaviour<CatchEventIR> = {
  enter(ctx, token, el, trigger) {
    if (trigger) {
      ctx.complete(token, { variables: trigger });
      return;
    }
    if (el.eventKind === 'timer' && el.timer) {
      ctx.startTimer(token, el.id, el.timer);
    } else if (el.eventKind === 'message' && el.message) {
      const consumed = ctx.subscribe(token, el.id, el.message);
      if (consumed) ctx.complete(token, { variables: consumed.variables });
    } else if (el.eventKind === 'signal' && el.signal) {
      ctx.subscribeSignal(token, el.id, el.signal);
    } else if (el.eventKind === 'conditional' && el.condition) {
      if (ctx.watchCondition(token, el.id)) ctx.complete(token);
    } else {
      throw new EngineError(
        `element '${el.id}': ${el.eventKind} catch event without definition`,
        el.id,
      );
    }
  },
  onEvent(ctx, token, _el, event) {
    if (event.type === 'timer') ctx.complete(token);
    else if (event.type === 'message' || event.type === 'signal')
      ctx.complete(token, { variables: event.variables });
  },
};
