/**
 * Escalations (BPMN 2.0 §10.5.4 "Escalation", §13.5.x; Camunda 8 semantics): an escalation
 * throw or end event, or a call activity whose child escalated, throws its escalationCode to
 * the nearest catcher (`catch-search.ts`: escalation boundary events and escalation event
 * subprocess starts; exact code beats catch-all). An interrupting catcher cancels what it
 * interrupts — the thrower with it; a non-interrupting one starts beside it and the thrower
 * carries on. Uncaught, the escalation does not fail anything: the thrower carries on, and the
 * driver is told (`escalate`) so it can pass the escalation to the call activity that started
 * this instance.
 */
import { cancelToken } from './cancel';
import { findCatcher } from './catch-search';
import type { RunContext } from './run-context';
import type { Token } from './types';

/**
 * Throws `code` from `thrower`. Returns true when the thrower is still live (caught by a
 * non-interrupting catcher, or uncaught) and should carry on; false when it was interrupted.
 */
export function throwEscalation(run: RunContext, thrower: Token, code: string): boolean {
  const c = findCatcher(run, thrower, 'escalation', code);
  if (!c) {
    run.emit({ type: 'escalate', escalationCode: code });
    return true;
  }
  const el = run.element(thrower.elementId);
  const isEvent = el.type === 'endEvent' || el.type === 'intermediateThrowEvent';
  if (c.at === 'boundary') {
    if (c.boundary.cancelActivity) {
      if (isEvent) run.addTrail(thrower, el); // it completed by throwing
      cancelToken(run, c.host);
    }
    run.spawn(c.host.scopeId, c.boundary.id, {});
  } else {
    if (c.esp.interrupting && isEvent) run.addTrail(thrower, el);
    run.triggerEventSubprocess(c.scopeId, c.esp, {});
  }
  return run.state.tokens[thrower.id] === thrower;
}
