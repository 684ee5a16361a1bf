/**
 * Complex gateway (BPMN 2.0 §13.3.5 "Complex Gateway", Table 13.5): converging, the engine
 * fires it when its `activationCondition` holds and then lets it wait for reset (see
 * `complex-join.ts`); each firing splits like an inclusive gateway — every outgoing flow
 * whose condition is true (unconditional non-default flows included), the default only when
 * none is, an `expression` incident when nothing can be taken (the spec's exception).
 */
import type { ComplexGatewayIR } from '../../model/bpmn/ir';
import { selectFlows } from '../flows';
import type { ElementBehaviour } from './behaviour';

export const complexGateway: ElementBehaviour<ComplexGatewayIR> = {
  join: 'complex',
  enter(ctx, token, el) {
    const sel = selectFlows(ctx.ir, el, () => ctx.variables(token), ctx.now, 'all');
    if (!sel.ok) ctx.incident(token, 'expression', sel.error);
    else ctx.complete(token, { flows: sel.flows });
  },
};
