/**
 * Event subprocess (BPMN 2.0 §10.3.5 "Event Sub-Process", §13.5.x): never entered by a flow;
 * an instance starts when its trigger fires in the enclosing scope (`event-subprocesses.ts`),
 * owns a variable scope like an embedded subprocess (input mappings create its locals), and
 * starts a token at its start event carrying the event's variables. It completes when its
 * last token is gone; having no outgoing flow, its token then simply ends.
 */
import type { EventSubProcessIR } from '../../model/bpmn/ir';
import type { ElementBehaviour } from './behaviour';

export const eventSubProcess: ElementBehaviour<EventSubProcessIR> = {
  ownsScope: true,
  enter(ctx, token, el, trigger) {
    ctx.spawn(token.feiId, el.startEventId, trigger ?? {});
  },
  onRetry(ctx, token, el) {
    // Only an input-mapping incident parks it before it starts.
    const started = Object.values(ctx.state.tokens).some((t) => t.scopeId === token.feiId);
    if (!started) ctx.spawn(token.feiId, el.startEventId, {});
  },
};
