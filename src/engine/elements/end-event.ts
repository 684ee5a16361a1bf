/**
 * End events (BPMN 2.0 §10.5.3 end events, §13.5.3 / §13.5.6): `none` consumes the token
 * (the scope completes when its last token is gone); `terminate` ends every other token of
 * its scope first (BPMN §10.5.3: "all activities in the process are immediately ended");
 * `error` throws its error code to the nearest matching error catcher; `escalation` throws
 * its escalation code (§10.5.3 "Escalation") and ends unless an interrupting catcher ended it
 * first; `signal` broadcasts its signal inside the instance, then ends likewise; `compensate`
 * (§10.5.5, §13.5.5) compensates its scope's completed activities and ends once their
 * handlers completed (`compensation.ts`); `cancel` (§10.3.5) cancels its transaction
 * (`transaction.ts`).
 */
import type { EndEventIR } from '../../model/bpmn/ir';
import { continueCompensation, throwCompensation } from '../compensation';
import { cancelTransaction, continueCancel } from '../transaction';
import type { ElementBehaviour } from './behaviour';

export const endEvent: ElementBehaviour<EndEventIR> = {
  enter(ctx, token, el) {
    if (el.eventKind === 'error') {
      ctx.throwError(token, el.errorCode ?? '', el.errorName ?? '');
      return;
    }
    if (el.eventKind === 'escalation' && !ctx.throwEscalation(token, el.escalationCode ?? ''))
      return;
    if (el.eventKind === 'signal' && !ctx.throwSignal(token, el.signal ?? '')) return;
    if (el.eventKind === 'compensate') {
      throwCompensation(ctx, token, el.compensation ?? { waitForCompletion: true });
      return;
    }
    if (el.eventKind === 'cancel') {
      cancelTransaction(ctx, token);
      return;
    }
    if (el.eventKind === 'terminate') ctx.terminateScope(token);
    ctx.complete(token, { flows: [] });
  },
  onScopeEmpty(ctx, token, el) {
    if (el.eventKind === 'cancel') continueCancel(ctx, token);
    else continueCompensation(ctx, token);
  },
};
