/**
 * None start event (BPMN 2.0 §10.5.2 start events, §13.5.1): where a process or an embedded
 * subprocess instance begins. The token passes straight through.
 */
import type { StartEventIR } from '../../model/bpmn/ir';
import type { ElementBehaviour } from './behaviour';

export const startEvent: ElementBehaviour<StartEventIR> = {
  enter(ctx, token) {
    ctx.complete(token);
  },
};
