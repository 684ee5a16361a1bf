/**
 * Exclusive gateway (BPMN 2.0 §13.3.2 "Exclusive Gateway (Decision)"): takes the first
 * outgoing flow, in document order, whose condition is true (an unconditional non-default
 * flow counts as true), else the default flow; none → `expression` incident. Converging, it
 * passes every token through (no join).
 */
import type { GatewayIR } from '../../model/bpmn/ir';
import { selectFlows } from '../flows';
import type { ElementBehaviour } from './behaviour';

export const exclusiveGateway: ElementBehaviour<GatewayIR> = {
  enter(ctx, token, el) {
    const sel = selectFlows(ctx.ir, el, () => ctx.variables(token), ctx.now, 'first');
    if (!sel.ok) ctx.incident(token, 'expression', sel.error);
    else ctx.complete(token, { flows: sel.flows });
  },
};
