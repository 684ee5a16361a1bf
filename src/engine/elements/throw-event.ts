/**
 * Intermediate throw events (BPMN 2.0 §10.5.4, §13.5.5): `none` passes through (input/output
 * mappings still apply); `escalation` throws its escalationCode to the nearest catcher and
 * carries on unless an interrupting catcher ended it; `signal` broadcasts its signal inside
 * the instance (the thrower's input-mapped locals are the signal's variables) and carries on
 * likewise. An IR from before escalation and signal events has no `eventKind`: none.
 */
import type { ThrowEventIR } from '../../model/bpmn/ir';
import type { ElementBehaviour } from './behaviour';

export const throwEvent: ElementBehaviour<ThrowEventIR> = {
  enter(ctx, token, el) {
    if (el.eventKind === 'escalation') {
      if (ctx.throwEscalation(token, el.escalationCode ?? '')) ctx.complete(token);
      return;
    }
    if (el.eventKind === 'signal') {
      if (ctx.throwSignal(token, el.signal ?? '')) ctx.complete(token);
      return;
    }
    ctx.complete(token);
  },
};
