/**
 * The events a multi-instance body throws as its inner instances complete (BPMN 2.0 §10.3.8
 * `behavior`, Table 10.30): `None` for every completion, `One` for the first, `Complex` for each
 * complex behaviour definition whose condition holds. "Any thrown Events can be caught by
 * boundary Events on the Multi-Instance Activity": the body is the thrower, so its own
 * boundaries are tried first and the search goes on outward from there, as for any throw. A
 * signal reaches the instance's signal subscriptions and is broadcast beyond it without
 * variables (the body's counters are the engine's, and a catcher would copy them into its
 * scope as if they were the model's data); an escalation goes
 * to the nearest escalation catcher (uncaught, nothing fails); an error to the nearest error
 * catcher (uncaught, an `error` incident on the body). Instances ended by the completion
 * condition's cancellation or by an interruption throw nothing: they did not complete.
 */
import type { BehaviorThrowIR, MultiInstanceIR } from '../model/bpmn/ir-loop';
import { throwError } from './error-routing';
import { throwEscalation } from './escalation';
import { evaluateCondition } from './feel';
import type { RunContext } from './run-context';
import { deliverSignal } from './signals';
import type { EpochMs, Token, Variables } from './types';

export type ThrowsResult = { ok: true; throws: BehaviorThrowIR[] } | { ok: false; error: string };

/**
 * What the body throws once the inner instance that just completed is counted: `completed` is
 * the number of completed instances with it, `vars` its context with the counters.
 */
export function behaviorThrows(
  elementId: string,
  mi: MultiInstanceIR,
  completed: number,
  vars: Variables,
  now: EpochMs,
): ThrowsResult {
  const behavior = mi.behavior;
  if (!behavior) return { ok: true, throws: [] };
  if (behavior.mode === 'None') return { ok: true, throws: behavior.events.map((e) => e.event) };
  if (behavior.mode === 'One')
    return { ok: true, throws: completed === 1 ? behavior.events.map((e) => e.event) : [] };
  const throws: BehaviorThrowIR[] = [];
  for (const { condition, event } of behavior.events) {
    const r = evaluateCondition(condition ?? 'false', vars, { now });
    if (!r.ok)
      return {
        ok: false,
        error: `element '${elementId}': complexBehaviorDefinition condition ${r.error}`,
      };
    if (r.value) throws.push(event);
  }
  return { ok: true, throws };
}

/** Throws `throws` from `body`, in order, while the body is still there to throw them. */
export function throwFromBody(run: RunContext, body: Token, throws: BehaviorThrowIR[]): void {
  for (const event of throws) {
    if (run.state.tokens[body.id] !== body || body.status !== 'active') return;
    if (event.kind === 'escalation') throwEscalation(run, body, event.escalationCode);
    else if (event.kind === 'error') throwError(run, body, event.errorCode, '');
    else {
      run.emit({ type: 'broadcastSignal', name: event.signal, variables: {} });
      deliverSignal(run, event.signal, {});
    }
  }
}
