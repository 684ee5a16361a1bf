/**
 * Rule `gateway-direction`: a gateway's `gatewayDirection` constrains how many sequence flows
 * it has (BPMN 2.0.2 §8.4.9 "Gateways", the gatewayDirection attribute, and §10.6
 * "Gateways"): Converging needs several incoming flows and at most one outgoing; Diverging
 * at most one incoming and several outgoing; Mixed several of both. Unspecified, the default
 * and what Camunda Modeler writes, constrains nothing.
 */
import { GATEWAY_TYPES } from '../elements';
import { incomingOf, outgoingOf } from '../model';
import type { Problem, Rule } from '../types';
import { allNodes, problemAt, textOf } from './helpers';

const id = 'gateway-direction';

interface Bounds {
  /** Fewest and most incoming flows; `Infinity` for no upper bound. */
  incoming: [number, number];
  outgoing: [number, number];
}

const DIRECTIONS: Readonly<Record<string, Bounds>> = {
  Converging: { incoming: [2, Infinity], outgoing: [0, 1] },
  Diverging: { incoming: [0, 1], outgoing: [2, Infinity] },
  Mixed: { incoming: [2, Infinity], outgoing: [2, Infinity] },
};

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Gateways have the flows their gatewayDirection allows.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const node of allNodes(ctx)) {
      const direction = textOf(node.element, 'gatewayDirection');
      const bounds = direction ? DIRECTIONS[direction] : undefined;
      if (!GATEWAY_TYPES.has(node.element.$type) || !bounds) continue;
      for (const [side, flows] of [
        ['incoming', incomingOf(node)],
        ['outgoing', outgoingOf(node)],
      ] as const) {
        const [min, max] = bounds[side];
        if (flows.length < min || flows.length > max)
          problems.push(
            problemAt(
              id,
              node.element,
              `A ${direction} gateway needs ${expected(min, max)} ${side} sequence flows, but it has ${flows.length}`,
            ),
          );
      }
    }
    return problems;
  },
};

function expected(min: number, max: number): string {
  return max === Infinity ? `at least ${min}` : `at most ${max}`;
}
