/**
 * BPMN error propagation (BPMN 2.0 §10.5.4 error events, §13.5.6 handling of errors):
 * an error thrown by an element instance (error end event, job failed with an error code) is
 * caught by the nearest error boundary event matching the code, looking first at the
 * failing activity itself and then at each enclosing subprocess up to the process. An inner
 * instance of a multi-instance or loop activity has no boundaries of its own: the search
 * goes on at its body, whose interruption cancels the sibling instances. An exact
 * code match wins over a catch-all boundary on the same activity. The catching activity is
 * interrupted and its boundary event taken. Nothing catches: an `error` incident.
 */
import type { BoundaryEventIR, ElementIR } from '../model/bpmn/ir';
import { cancelToken } from './cancel';
import type { RunContext } from './run-context';
import type { Token } from './types';

function findErrorBoundary(
  run: RunContext,
  host: ElementIR,
  code: string,
): BoundaryEventIR | undefined {
  let catchAll: BoundaryEventIR | undefined;
  for (const id of host.boundaryEvents) {
    const b = run.element(id);
    if (b.type !== 'boundaryEvent' || b.eventKind !== 'error') continue;
    if (b.errorCode === code) return b;
    if (b.errorCode === undefined || b.errorCode === '') catchAll ??= b;
  }
  return catchAll;
}

/** The boundary catching `code` on the token's element; none on an inner loop instance (§13.2.3: boundaries belong to the body). */
function boundaryOf(run: RunContext, token: Token, code: string): BoundaryEventIR | undefined {
  if (token.loopCounter !== undefined) return undefined;
  return findErrorBoundary(run, run.element(token.elementId), code);
}

export function throwError(run: RunContext, thrower: Token, code: string, message: string): void {
  const el = run.element(thrower.elementId);
  let host: Token | undefined = thrower;
  let boundary = boundaryOf(run, thrower, code);
  while (!boundary && host) {
    host = run.findToken(host.scopeId);
    if (host) boundary = boundaryOf(run, host, code);
  }
  if (!boundary || !host) {
    run.incident(
      thrower,
      'error',
      `unhandled BPMN error '${code}'${message ? `: ${message}` : ''}`,
    );
    return;
  }
  if (host !== thrower && el.type === 'endEvent') {
    // The error end event did its job: it completed by throwing.
    run.addTrail(thrower, el);
  }
  delete thrower.work; // the failed job is over: nothing to cancel
  cancelToken(run, host);
  run.spawn(host.scopeId, boundary.id, {});
}
