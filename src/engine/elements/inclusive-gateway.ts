/**
 * Inclusive gateway (BPMN 2.0 §13.3.4 "Inclusive Gateway"): converging, the engine fires it
 * once every incoming flow either holds a token or can no longer receive one (upstream
 * reachability against live tokens); diverging, it takes every flow whose condition is true
 * (unconditional non-default flows included), the default only when none is, and raises an
 * `expression` incident when nothing can be taken.
 */
import type { InclusiveGatewayIR } from '../../model/bpmn/ir';
import { selectFlows } from '../flows';
import type { ElementBehaviour } from './behaviour';

export const inclusiveGateway: ElementBehaviour<InclusiveGatewayIR> = {
  join: 'inclusive',
  enter(ctx, token, el) {
    const sel = selectFlows(ctx.ir, el, () => ctx.variables(token), ctx.now, 'all');
    if (!sel.ok) ctx.incident(token, 'expression', sel.error);
    else ctx.complete(token, { flows: sel.flows });
  },
};
