/**
 * Boundary events (BPMN 2.0 §10.5.4 "Attaching events to activities", §13.5.6): arming,
 * firing and host cancellation are the engine's (see `events.ts`, `error-routing.ts`); the
 * token that starts here once the event has fired carries its payload (message variables)
 * as result variables and leaves by the boundary's outgoing flows.
 */
import type { BoundaryEventIR } from '../../model/bpmn/ir';
import type { ElementBehaviour } from './behaviour';

export const boundaryEvent: ElementBehaviour<BoundaryEventIR> = {
  enter(ctx, token, _el, trigger) {
    ctx.complete(token, { variables: trigger ?? {} });
  },
};
