/**
 * Receive task (BPMN 2.0 §10.3.3 "Receive Task"): opens a message subscription (name +
 * correlation key evaluated now); a buffered matching message is consumed at once. The
 * message variables are result variables. After an event-based gateway the message has
 * already been consumed and arrives as the trigger.
 */
import type { ReceiveTaskIR } from '../../model/bpmn/ir';
import type { ElementBehaviour } from './behaviour';

export const receiveTask: ElementBehaviour<ReceiveTaskIR> = {
  enter(ctx, token, el, trigger) {
    if (trigger) {
      ctx.complete(token, { variables: trigger });
      return;
    }
    const consumed = ctx.subscribe(token, el.id, el.message);
    if (consumed) ctx.complete(token, { variables: consumed.variables });
  },
  onEvent(ctx, token, _el, event) {
    if (event.type === 'message') ctx.complete(token, { variables: event.variables });
  },
};
