/**
 * Start events (BPMN 2.0 §10.5.2 start events, §13.5.1): where a process, an embedded
 * subprocess or an event subprocess instance begins. Entering it opens the subscriptions of
 * the event subprocesses its scope holds (§10.3.5: they live while the scope runs); then the
 * token passes straight through, carrying the trigger's variables when an event started the
 * scope (an event subprocess's message, signal…), and buffered messages or conditions that
 * already hold may fire at once.
 */
import type { StartEventIR } from '../../model/bpmn/ir';
import type { ElementBehaviour } from './behaviour';

export const startEvent: ElementBehaviour<StartEventIR> = {
  enter(ctx, token, _el, trigger) {
    if (!ctx.openEventSubprocesses(token)) return;
    const scopeId = token.scopeId;
    ctx.complete(token, trigger ? { variables: trigger } : {});
    ctx.activateEventSubprocesses(scopeId);
  },
};
