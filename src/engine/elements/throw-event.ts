/**
 * Intermediate throw events (BPMN 2.0 §10.5.4, §13.5.4–§13.5.5): `none` passes through
 * (input/output mappings still apply); `escalation` throws its escalationCode to the nearest
 * catcher and carries on unless an interrupting catcher ended it; `signal` broadcasts its
 * signal inside the instance (the thrower's input-mapped locals are the signal's variables)
 * and carries on likewise; a link throw (§10.5.5 "Link Event Definition") completes and
 * continues at the one link catch event of the same name in its scope, which the compiler
 * resolved (`link.targetId`); a compensation throw (§10.5.5, §13.5.5) compensates the
 * completed activities of its scope (`compensation.ts`) and continues once their handlers
 * completed. An IR from before these events has no `eventKind`: none.
 */
import type { ThrowEventIR } from '../../model/bpmn/ir';
import { continueCompensation, throwCompensation } from '../compensation';
import { EngineError } from '../errors';
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
    if (el.eventKind === 'link') {
      if (!el.link?.targetId)
        throw new EngineError(`link throw event '${el.id}' has no link catch event`, el.id);
      ctx.complete(token, { flows: [] });
      ctx.spawn(token.scopeId, el.link.targetId, {});
      return;
    }
    if (el.eventKind === 'compensate') {
      throwCompensation(ctx, token, el.compensation ?? { waitForCompletion: true });
      return;
    }
    ctx.complete(token);
  },
  onScopeEmpty(ctx, token) {
    continueCompensation(ctx, token);
  },
};
