/**
 * Parallel gateway (BPMN 2.0 §13.3.2 "Parallel Gateway"): converging, it waits for a token
 * on every incoming flow of the same scope instance (the engine's join bookkeeping, `joins.ts`);
 * diverging, it takes every outgoing flow, conditions ignored.
 */
import type { GatewayIR } from '../../model/bpmn/ir';
import type { ElementBehaviour } from './behaviour';

export const parallelGateway: ElementBehaviour<GatewayIR> = {
  join: 'parallel',
  enter(ctx, token, el) {
    ctx.complete(token, { flows: el.outgoing });
  },
};
