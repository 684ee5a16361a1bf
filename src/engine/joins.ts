/**
 * Join bookkeeping for converging gateways (BPMN 2.0 §13.3.2 parallel, §13.3.4 inclusive).
 * `state.joins[scopeId|gatewayId]` lists the incoming flows that delivered a token not yet
 * consumed. A parallel join fires once every incoming flow has delivered (surplus tokens wait
 * for the next round). An inclusive join fires, checked only when no token is in transit,
 * once at least one incoming flow has delivered and no live token of the same scope instance
 * sits upstream of any incoming flow that has not: a token on an upstream element, or one
 * waiting in an upstream join. Upstream sets come from the IR (`upstream`), computed here
 * by backward reachability when the compiler left them out.
 */
import type { ComplexGatewayIR, ElementIR, InclusiveGatewayIR, ProcessIR } from '../model/bpmn/ir';
import type { RunContext } from './run-context';

/** Records an arrival; true when a parallel join fires now (its tokens consumed). */
export function recordJoin(
  run: RunContext,
  scopeId: string,
  el: ElementIR,
  flowId: string,
  kind: 'parallel' | 'inclusive' | 'complex',
): boolean {
  const key = `${scopeId}|${el.id}`;
  const list = (run.state.joins[key] ??= []);
  list.push(flowId);
  if (kind !== 'parallel') return false;
  if (!el.incoming.every((f) => list.includes(f))) return false;
  consume(run, key, el.incoming);
  return true;
}

function consume(run: RunContext, key: string, flows: string[]): void {
  const list = run.state.joins[key];
  for (const f of flows) {
    const i = list.indexOf(f);
    if (i >= 0) list.splice(i, 1);
  }
  if (list.length === 0) delete run.state.joins[key];
}

/** Fires the first inclusive join that is ready; true if one fired. */
export function fireReadyJoins(run: RunContext): boolean {
  for (const key of Object.keys(run.state.joins)) {
    const cut = key.lastIndexOf('|');
    const scopeId = key.slice(0, cut);
    const el = run.ir.elements[key.slice(cut + 1)];
    if (!el || el.type !== 'inclusiveGateway') continue;
    const list = run.state.joins[key];
    if (list.length === 0 || !inclusiveReady(run, scopeId, el, list)) continue;
    consume(
      run,
      key,
      el.incoming.filter((f) => list.includes(f)),
    );
    run.activate(scopeId, el);
    return true;
  }
  return false;
}

/**
 * True when no live token of the scope instance sits upstream of an incoming flow of `el`
 * that is not in `delivered` (also the complex gateway's reset rule, complex-join.ts).
 */
export function inclusiveReady(
  run: RunContext,
  scopeId: string,
  el: InclusiveGatewayIR | ComplexGatewayIR,
  delivered: string[],
): boolean {
  const { state } = run;
  for (const flowId of el.incoming) {
    if (delivered.includes(flowId)) continue;
    const upstream = upstreamOf(run.ir, el, flowId);
    for (const id in state.tokens) {
      const t = state.tokens[id];
      if (t.scopeId === scopeId && upstream.has(t.elementId)) return false;
    }
    for (const key in state.joins) {
      const cut = key.lastIndexOf('|');
      if (
        key.slice(0, cut) === scopeId &&
        upstream.has(key.slice(cut + 1)) &&
        state.joins[key].length > 0
      ) {
        return false;
      }
    }
  }
  return true;
}

const computed = new WeakMap<ProcessIR, Map<string, Set<string>>>();

/** Elements from which `flowId` can be reached without passing through the gateway. */
export function upstreamOf(
  ir: ProcessIR,
  gateway: InclusiveGatewayIR | ComplexGatewayIR,
  flowId: string,
): Set<string> {
  let perIr = computed.get(ir);
  if (!perIr) computed.set(ir, (perIr = new Map()));
  const key = `${gateway.id}|${flowId}`;
  let set = perIr.get(key);
  if (set) return set;
  const given = gateway.upstream?.[flowId];
  set = new Set(given ?? []);
  if (!given) {
    const todo = [ir.flows[flowId]?.sourceId];
    while (todo.length > 0) {
      const id = todo.pop();
      if (id === undefined || id === gateway.id || set.has(id)) continue;
      const el = ir.elements[id];
      if (!el) continue;
      set.add(id);
      for (const f of el.incoming) todo.push(ir.flows[f]?.sourceId);
      if (el.type === 'boundaryEvent') todo.push(el.attachedTo);
    }
  }
  perIr.set(key, set);
  return set;
}
