/**
 * The converging complex gateway (BPMN 2.0 §13.3.5, Table 13.5). It has two states per scope
 * instance. *Waiting for start*: each arriving token is recorded in `state.joins` (as other
 * joins) and the `activationCondition` is evaluated; when it holds, one token is consumed from
 * every incoming flow that has one, those flows are remembered (`state.complex`) and the
 * gateway fires (its split is the behaviour's, as an inclusive gateway's). *Waiting for
 * reset*: checked only when no token is in transit, the gateway waits until every incoming
 * flow it did not consume from either holds a token or can no longer get one (the inclusive
 * join's upstream rule); it then consumes one token from each of those flows without firing
 * again and is waiting for start (surplus tokens stay for the next round, which may fire at
 * once).
 *
 * The condition sees the scope's variables plus `activationCount` (tokens waiting at the
 * gateway, all incoming flows together — the spec's x1 + … + xm) and `activationCounts`
 * (per incoming flow id, the tokens waiting on it — the spec's per-flow activationCount).
 * Without a condition the first token fires it (the compiler requires one on a join).
 */
import type { ComplexGatewayIR } from '../model/bpmn/ir';
import { evaluateCondition } from './feel';
import { inclusiveReady } from './joins';
import type { RunContext } from './run-context';
import { visibleVariables } from './variables';

/** An arrival already recorded in `state.joins[key]`; true when the gateway fires now. */
export function complexArrival(run: RunContext, scopeId: string, el: ComplexGatewayIR): boolean {
  const key = `${scopeId}|${el.id}`;
  if (run.state.complex?.[key]) return false;
  return tryStart(run, scopeId, el);
}

/** Waiting for start: fires (consuming one token per delivering flow) when the condition holds. */
function tryStart(run: RunContext, scopeId: string, el: ComplexGatewayIR): boolean {
  const key = `${scopeId}|${el.id}`;
  const list = run.state.joins[key] ?? [];
  if (list.length === 0) return false;
  const counts: Record<string, number> = {};
  for (const f of el.incoming) counts[f] = 0;
  for (const f of list) counts[f] = (counts[f] ?? 0) + 1;
  if (el.activationCondition !== undefined) {
    const variables = {
      ...visibleVariables(run.state, scopeId),
      activationCount: list.length,
      activationCounts: counts,
    };
    const r = evaluateCondition(el.activationCondition, variables, { now: run.now });
    if (!r.ok || !r.value) return false;
  }
  const consumed = el.incoming.filter((f) => list.includes(f));
  consumeOne(run, key, consumed);
  (run.state.complex ??= {})[key] = { consumed };
  return true;
}

function consumeOne(run: RunContext, key: string, flows: string[]): void {
  const list = run.state.joins[key];
  if (!list) return;
  for (const f of flows) {
    const i = list.indexOf(f);
    if (i >= 0) list.splice(i, 1);
  }
  if (list.length === 0) delete run.state.joins[key];
}

/** Resets the first complex gateway whose expected tokens are in; true if one moved. */
export function resetReadyComplex(run: RunContext): boolean {
  const waiting = run.state.complex;
  if (!waiting) return false;
  for (const key of Object.keys(waiting)) {
    const cut = key.lastIndexOf('|');
    const scopeId = key.slice(0, cut);
    const el = run.ir.elements[key.slice(cut + 1)];
    if (el?.type !== 'complexGateway') continue;
    const rest = el.incoming.filter((f) => !waiting[key].consumed.includes(f));
    const list = run.state.joins[key] ?? [];
    const pending = el.incoming.filter((f) => !rest.includes(f) || list.includes(f));
    if (!inclusiveReady(run, scopeId, el, pending)) continue;
    consumeOne(
      run,
      key,
      rest.filter((f) => list.includes(f)),
    );
    delete waiting[key];
    if (Object.keys(waiting).length === 0) delete run.state.complex;
    if (tryStart(run, scopeId, el)) run.activate(scopeId, el);
    return true;
  }
  return false;
}
