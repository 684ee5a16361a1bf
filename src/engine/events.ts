/**
 * Timers, message subscriptions and boundary events (BPMN 2.0 §10.5.2 message events,
 * §10.5.3 timer events, §10.5.4 boundary events / §13.5.6). Timers and subscriptions are
 * owned by an element instance (its feiId): a catch event, an event-based gateway (one per
 * following catch event) or a boundary host (one per timer/message boundary). Firing is
 * routed back to the owner, or, for a boundary, to the host's boundary handling.
 */
import type { BoundaryEventIR, ElementIR, MessageDef, TimerDef } from '../model/bpmn/ir';
import { cancelToken } from './cancel';
import { dropConditions, watchCondition } from './conditions';
import { eventSubProcessOfStart } from './event-subprocess-model';
import { evaluateFeel } from './feel';
import type { RunContext } from './run-context';
import { dropSignals, subscribeSignal } from './signal-subscriptions';
import { bufferMessage, takeBuffered } from './message-buffer';
import { planTimer } from './timers';
import type {
  BufferedMessage,
  EngineEvent,
  MessageSubscription,
  PendingTimer,
  Token,
  Variables,
} from './types';

export const SEEN_MESSAGE_IDS_LIMIT = 1000;

export function startTimer(
  run: RunContext,
  token: Token,
  elementId: string,
  def: TimerDef,
): boolean {
  const r = planTimer(def, run.variables(token), run.now);
  if (!r.ok) {
    run.incident(token, 'expression', `element '${elementId}': ${r.error}`);
    return false;
  }
  const id = run.nextId('timer');
  run.state.timers[id] = { id, elementId, feiId: token.feiId, dueAt: r.plan.dueAt };
  if (r.plan.remaining !== undefined) {
    run.state.timers[id].remaining = r.plan.remaining;
    run.state.timers[id].intervalMs = r.plan.intervalMs;
  }
  emitStart(run, id, elementId, r.plan.dueAt);
  return true;
}

function emitStart(run: RunContext, timerId: string, elementId: string, dueAt: number): void {
  const name = run.ir.elements[elementId]?.name;
  run.emit({
    type: 'startTimer',
    timerId,
    elementId,
    ...(name !== undefined ? { name } : {}),
    dueAt,
  });
}

/** Cancels the timers and removes the subscriptions owned by the token. */
export function disarm(run: RunContext, token: Token): void {
  const { state } = run;
  for (const id in state.timers) {
    if (state.timers[id].feiId === token.feiId) {
      delete state.timers[id];
      run.emit({ type: 'cancelTimer', timerId: id });
    }
  }
  if (state.subscriptions.some((s) => s.feiId === token.feiId)) {
    state.subscriptions = state.subscriptions.filter((s) => s.feiId !== token.feiId);
  }
  dropSignals(state, token.feiId);
  dropConditions(state, token.feiId);
}

function keysMatch(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

export function subscribe(
  run: RunContext,
  token: Token,
  elementId: string,
  def: MessageDef,
): BufferedMessage | null | false {
  let key: string | undefined;
  if (def.correlationKey !== undefined) {
    const r = evaluateFeel(def.correlationKey, run.variables(token), { now: run.now });
    if (!r.ok || r.value === null || typeof r.value === 'object') {
      const why = r.ok ? `correlation key evaluated to ${JSON.stringify(r.value)}` : r.error;
      run.incident(token, 'expression', `element '${elementId}': ${why}`);
      return false;
    }
    key = String(r.value);
  }
  const { state } = run;
  const buffered = takeBuffered(
    state,
    run.now,
    (m) => m.name === def.name && keysMatch(m.correlationKey, key),
  );
  if (buffered) return buffered;
  const sub: MessageSubscription = { elementId, feiId: token.feiId, name: def.name };
  if (key !== undefined) sub.correlationKey = key;
  state.subscriptions.push(sub);
  return null;
}

type MessageEvent = Extract<EngineEvent, { type: 'messageReceived' }>;

/** Dedupes by messageId, then hands the message to the first matching subscription or buffers it. */
export function deliverMessage(run: RunContext, event: MessageEvent): void {
  const { state } = run;
  if (event.messageId !== undefined) {
    if (state.seenMessageIds.includes(event.messageId)) return;
    state.seenMessageIds.push(event.messageId);
    if (state.seenMessageIds.length > SEEN_MESSAGE_IDS_LIMIT) state.seenMessageIds.shift();
  }
  const variables = event.variables ?? {};
  const i = state.subscriptions.findIndex(
    (s) => s.name === event.name && keysMatch(s.correlationKey, event.correlationKey),
  );
  if (i < 0) {
    const buffered: BufferedMessage = { name: event.name, variables, receivedAt: run.iso() };
    if (event.messageId !== undefined) buffered.messageId = event.messageId;
    if (event.correlationKey !== undefined) buffered.correlationKey = event.correlationKey;
    bufferMessage(state, buffered, run.now, event.timeToLive);
    return;
  }
  const [sub] = state.subscriptions.splice(i, 1);
  const esp = eventSubProcessOfStart(run.ir, sub.elementId);
  if (esp) {
    // An event subprocess start, owned by its scope; a non-interrupting one stays open.
    if (!esp.interrupting) state.subscriptions.push(sub);
    run.triggerEventSubprocess(sub.feiId, esp, variables);
    return;
  }
  const owner = run.findToken(sub.feiId);
  if (!owner) return;
  const el = run.element(sub.elementId);
  if (el.type === 'boundaryEvent' && el.attachedTo === owner.elementId) {
    // A non-interrupting message boundary stays open while its host lives (Zeebe).
    if (!el.cancelActivity) state.subscriptions.push(sub);
    fireBoundary(run, owner, el, variables);
    return;
  }
  const ownerEl = run.element(owner.elementId);
  run
    .behaviour(ownerEl)
    .onEvent?.(run, owner, ownerEl, { type: 'message', elementId: sub.elementId, variables });
}

export function fireTimer(run: RunContext, timerId: string): void {
  const { state } = run;
  const timer = state.timers[timerId];
  if (!timer) return;
  delete state.timers[timerId];
  const esp = eventSubProcessOfStart(run.ir, timer.elementId);
  if (esp) {
    if (!esp.interrupting) rearmCycle(run, timer);
    run.triggerEventSubprocess(timer.feiId, esp, {});
    return;
  }
  const owner = run.findToken(timer.feiId);
  if (!owner) return;
  const el = run.element(timer.elementId);
  if (el.type === 'boundaryEvent' && el.attachedTo === owner.elementId) {
    if (!el.cancelActivity) rearmCycle(run, timer);
    fireBoundary(run, owner, el, {});
    return;
  }
  const ownerEl = run.element(owner.elementId);
  run.behaviour(ownerEl).onEvent?.(run, owner, ownerEl, { type: 'timer', timer });
}

/** A cycle with repetitions left starts its next timer from the previous due time (no drift). */
function rearmCycle(run: RunContext, timer: PendingTimer): void {
  const again = timer.remaining !== undefined && (timer.remaining === -1 || timer.remaining > 1);
  if (!again || !timer.intervalMs) return;
  const id = run.nextId('timer');
  // Missed intervals are not fired back to back: the next is due an interval after the
  // previous due time, or now when that has passed (one catch-up, then on the interval).
  const dueAt = Math.max(timer.dueAt + timer.intervalMs, run.now);
  const remaining = timer.remaining === -1 ? -1 : (timer.remaining as number) - 1;
  run.state.timers[id] = { ...timer, id, dueAt, remaining };
  emitStart(run, id, timer.elementId, dueAt);
}

/** Interrupting: cancels the host first. Either way a token starts at the boundary event. */
export function fireBoundary(
  run: RunContext,
  host: Token,
  boundary: BoundaryEventIR,
  variables: Variables,
): void {
  if (boundary.cancelActivity) cancelToken(run, host);
  run.spawn(host.scopeId, boundary.id, variables);
}

function localScope(run: RunContext, token: Token): string {
  return run.state.scopes[token.feiId] ? token.feiId : token.scopeId;
}

/** Arms the host's timer, message, signal and conditional boundaries not yet armed (idempotent). */
export function armBoundaries(run: RunContext, host: Token, el: ElementIR): void {
  const { state } = run;
  for (const id of el.boundaryEvents) {
    const b = run.element(id);
    if (b.type !== 'boundaryEvent' || b.eventKind === 'error' || b.eventKind === 'escalation')
      continue;
    const armed =
      Object.values(state.timers).some((t) => t.feiId === host.feiId && t.elementId === id) ||
      state.subscriptions.some((s) => s.feiId === host.feiId && s.elementId === id) ||
      state.signals?.some((s) => s.feiId === host.feiId && s.elementId === id) ||
      state.conditions?.some((s) => s.feiId === host.feiId && s.elementId === id);
    if (armed) continue;
    if (b.eventKind === 'conditional') {
      const target = { elementId: id, feiId: host.feiId, scopeId: localScope(run, host) };
      if (!watchCondition(run, target, true)) continue;
      fireBoundary(run, host, b, {});
      if (b.cancelActivity) return;
      watchCondition(run, target, false); // non-interrupting: fires again once it turns true anew
      const sub = state.conditions?.find((s) => s.feiId === host.feiId && s.elementId === id);
      if (sub) sub.held = true;
      continue;
    }
    if (b.eventKind === 'signal') {
      subscribeSignal(state, { elementId: id, feiId: host.feiId, name: b.signal ?? '' });
    } else if (b.eventKind === 'timer' && b.timer) {
      if (!startTimer(run, host, id, b.timer)) return;
    } else if (b.eventKind === 'message' && b.message) {
      for (;;) {
        const consumed = subscribe(run, host, id, b.message);
        if (consumed === false) return;
        if (!consumed) break;
        fireBoundary(run, host, b, consumed.variables);
        if (b.cancelActivity) return;
      }
    }
  }
}
