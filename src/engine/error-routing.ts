/**
 * BPMN error propagation (BPMN 2.0 §10.5.4 error events, §13.5.6 handling of errors):
 * an error thrown by an element instance (error end event, job failed with an error code) is
 * caught by the nearest matching error catcher (`catch-search.ts`): an error boundary event
 * on the failing activity or on an enclosing subprocess, or an error event subprocess of a
 * scope on the way up (§10.3.5). An exact code match wins over a catch-all at the same level.
 * The catching activity is interrupted and its boundary event taken, or the event subprocess
 * (always interrupting) cancels the rest of its scope and starts. Nothing catches: an
 * `error` incident on the thrower (Camunda 8: "unhandled error event"), so the instance
 * never completes past an uncaught error.
 */
import { cancelToken } from './cancel';
import { findCatcher } from './catch-search';
import type { RunContext } from './run-context';
import type { Token } from './types';

export function throwError(run: RunContext, thrower: Token, code: string, message: string): void {
  const el = run.element(thrower.elementId);
  const c = findCatcher(run, thrower, 'error', code);
  if (!c) {
    run.incident(
      thrower,
      'error',
      `unhandled BPMN error '${code}'${message ? `: ${message}` : ''}`,
    );
    return;
  }
  if (el.type === 'endEvent' && (c.at === 'eventSubProcess' || c.host !== thrower)) {
    // The error end event did its job: it completed by throwing.
    run.addTrail(thrower, el);
  }
  delete thrower.work; // the failed job is over: nothing to cancel
  if (c.at === 'eventSubProcess') {
    run.triggerEventSubprocess(c.scopeId, c.esp, {});
    return;
  }
  cancelToken(run, c.host);
  run.spawn(c.host.scopeId, c.boundary.id, {});
}
