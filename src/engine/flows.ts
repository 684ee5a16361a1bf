/**
 * Outgoing-flow selection by condition (BPMN 2.0 §10.5 sequence flows with conditions and
 * default flows; §13.3 gateway routing). `first` serves the exclusive gateway, `all` the
 * inclusive gateway and activities with conditional outgoing flows. Unconditional
 * non-default flows count as true; the default flow is taken only when nothing else is.
 */
import type { ElementIR, ProcessIR } from '../model/bpmn/ir';
import { evaluateCondition } from './feel';
import type { EpochMs, Variables } from './types';

export type FlowSelection = { ok: true; flows: string[] } | { ok: false; error: string };

export const NO_FLOW_MATCHED = 'no outgoing flow condition matched';

export function selectFlows(
  ir: ProcessIR,
  element: ElementIR,
  variables: () => Variables,
  now: EpochMs,
  mode: 'first' | 'all',
): FlowSelection {
  if (element.outgoing.length === 0) return { ok: true, flows: [] };
  const taken: string[] = [];
  let vars: Variables | undefined;
  for (const flowId of element.outgoing) {
    if (flowId === element.defaultFlow) continue;
    const condition = ir.flows[flowId]?.condition;
    if (condition !== undefined) {
      vars ??= variables();
      const r = evaluateCondition(condition, vars, { now });
      if (!r.ok) return { ok: false, error: `condition of flow '${flowId}': ${r.error}` };
      if (!r.value) continue;
    }
    taken.push(flowId);
    if (mode === 'first') break;
  }
  if (taken.length === 0 && element.defaultFlow) taken.push(element.defaultFlow);
  if (taken.length === 0)
    return { ok: false, error: `element '${element.id}': ${NO_FLOW_MATCHED}` };
  return { ok: true, flows: taken };
}
