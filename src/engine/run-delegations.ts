/**
 * The `EngineContext` operations `Run` hands to its sibling modules unchanged (errors,
 * escalations, cancellation, timers, messages, event subprocesses, conditions): a base class
 * of one-line delegations, so `runtime.ts` keeps only the step's own bookkeeping. Each method
 * runs with the `Run` as its `RunContext`.
 */
import type { ElementIR, EventSubProcessIR, MessageDef, TimerDef } from '../model/bpmn/ir';
import { cancelToken, terminateScope } from './cancel';
import { watchCondition } from './conditions';
import { throwError } from './error-routing';
import { throwEscalation } from './escalation';
import {
  activateEventSubprocesses,
  openEventSubprocesses,
  triggerEventSubprocess,
} from './event-subprocesses';
import { disarm, startTimer, subscribe } from './events';
import { subscribeSignal } from './signal-subscriptions';
import { bodyType } from './loop-body';
import type { RunContext } from './run-context';
import type { BufferedMessage, Token, Variables } from './types';

/** The trail keeps the last this many completed element instances. */
export const TRAIL_LIMIT = 1000;

export abstract class RunDelegations {
  /** Appends the element instance to the trail (bounded: the oldest entries are dropped, counted). */
  addTrail(this: RunContext, token: Token, el: ElementIR): void {
    const trail = this.state.trail;
    trail.push({
      elementId: el.id,
      ...(el.name !== undefined ? { name: el.name } : {}),
      type: token.loop ? bodyType(el) : el.bpmnType,
      flowElementInstanceId: token.feiId,
      startedAt: this.iso(this.state.startedAt[token.feiId] ?? token.since),
      endedAt: this.iso(),
    });
    if (trail.length > TRAIL_LIMIT) {
      const drop = trail.length - TRAIL_LIMIT;
      trail.splice(0, drop);
      this.state.trailDropped += drop;
    }
  }

  throwError(this: RunContext, token: Token, errorCode: string, message: string): void {
    throwError(this, token, errorCode, message);
  }
  terminateScope(this: RunContext, token: Token): void {
    terminateScope(this, token);
  }
  cancel(this: RunContext, token: Token): void {
    cancelToken(this, token);
  }
  startTimer(this: RunContext, token: Token, elementId: string, def: TimerDef): boolean {
    return startTimer(this, token, elementId, def);
  }
  subscribe(
    this: RunContext,
    token: Token,
    elementId: string,
    def: MessageDef,
  ): BufferedMessage | null | false {
    return subscribe(this, token, elementId, def);
  }
  subscribeSignal(this: RunContext, token: Token, elementId: string, name: string): void {
    subscribeSignal(this.state, { elementId, feiId: token.feiId, name });
  }
  disarm(this: RunContext, token: Token): void {
    disarm(this, token);
  }
  throwEscalation(this: RunContext, token: Token, escalationCode: string): boolean {
    return throwEscalation(this, token, escalationCode);
  }
  openEventSubprocesses(this: RunContext, start: Token): boolean {
    return openEventSubprocesses(this, start);
  }
  activateEventSubprocesses(this: RunContext, scopeId: string): void {
    activateEventSubprocesses(this, scopeId);
  }
  triggerEventSubprocess(
    this: RunContext,
    scopeId: string,
    esp: EventSubProcessIR,
    variables: Variables,
  ): void {
    triggerEventSubprocess(this, scopeId, esp, variables);
  }
  watchCondition(this: RunContext, token: Token, elementId: string): boolean {
    const scopeId = this.state.scopes[token.feiId] ? token.feiId : token.scopeId;
    const target = { elementId, feiId: token.feiId, scopeId };
    return watchCondition(this, target, true);
  }
}
