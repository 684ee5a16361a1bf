/**
 * Event subprocesses at run time (BPMN 2.0 §10.3.5 "Event Sub-Process", §13.5.x; Camunda 8
 * semantics). When a scope starts (its none start event is entered: the process, an embedded
 * subprocess, an event subprocess instance) the subscriptions of the event subprocesses it
 * holds open, owned by the scope (timer, message, signal, conditional; error and escalation
 * starts are found by the throw's search instead, `catch-search.ts`). They close when the
 * scope ends. A trigger starts an instance of the event subprocess inside the scope, with the
 * event's variables: an interrupting one first cancels everything else in the scope
 * (non-interrupting event subprocess instances included), closes the scope's event
 * subprocess subscriptions and marks the scope interrupted, so the scope completes when that
 * instance does; a non-interrupting one can fire again while the scope runs.
 */
import type { EventSubProcessIR, MessageDef } from '../model/bpmn/ir';
import { cancelScopeContents } from './cancel';
import { conditionHoldsNow, dropConditions, watchCondition } from './conditions';
import { eventSubProcessOfStart, eventSubProcessesOf } from './event-subprocess-model';
import { evaluateFeel } from './feel';
import type { RunContext } from './run-context';
import { dropSignals, subscribeSignal } from './signal-subscriptions';
import { planTimer } from './timers';
import type { MessageSubscription, Token, Variables } from './types';

function scopeElement(run: RunContext, scopeId: string): string | null | undefined {
  const scope = run.state.scopes[scopeId];
  return scope ? scope.elementId : undefined;
}

/** What a message start's subscription will be; false after raising an incident on `start`. */
function messageSubscription(
  run: RunContext,
  start: Token,
  esp: EventSubProcessIR,
  message: MessageDef,
): MessageSubscription | false {
  const sub: MessageSubscription = {
    elementId: esp.startEventId,
    feiId: start.scopeId,
    name: message.name,
  };
  if (message.correlationKey === undefined) return sub;
  const r = evaluateFeel(message.correlationKey, run.variables(start), { now: run.now });
  if (!r.ok || r.value === null || typeof r.value === 'object') {
    const why = r.ok ? `correlation key evaluated to ${JSON.stringify(r.value)}` : r.error;
    run.incident(start, 'expression', `element '${esp.startEventId}': ${why}`);
    return false;
  }
  sub.correlationKey = String(r.value);
  return sub;
}

function openTimer(run: RunContext, start: Token, esp: EventSubProcessIR): boolean {
  if (esp.trigger.kind !== 'timer') return true;
  const r = planTimer(esp.trigger.timer, run.variables(start), run.now);
  if (!r.ok) {
    run.incident(start, 'expression', `element '${esp.startEventId}': ${r.error}`);
    return false;
  }
  const id = run.nextId('timer');
  const timer = { id, elementId: esp.startEventId, feiId: start.scopeId, dueAt: r.plan.dueAt };
  run.state.timers[id] = timer;
  if (r.plan.remaining !== undefined && !esp.interrupting) {
    run.state.timers[id].remaining = r.plan.remaining;
    run.state.timers[id].intervalMs = r.plan.intervalMs;
  }
  const name = run.ir.elements[esp.startEventId]?.name;
  run.emit({
    type: 'startTimer',
    timerId: id,
    elementId: esp.startEventId,
    ...(name !== undefined ? { name } : {}),
    dueAt: timer.dueAt,
  });
  return true;
}

/**
 * Opens the subscriptions of the event subprocesses in `start`'s scope (called as the scope's
 * start event is entered). False when an expression failed: the start event holds the
 * incident and its retry opens them again.
 */
export function openEventSubprocesses(run: RunContext, start: Token): boolean {
  const element = scopeElement(run, start.scopeId);
  if (element === undefined) return true;
  const esps = eventSubProcessesOf(run.ir, element);
  const messages: MessageSubscription[] = [];
  for (const esp of esps) {
    if (esp.trigger.kind !== 'message') continue;
    const sub = messageSubscription(run, start, esp, esp.trigger.message);
    if (sub === false) return false;
    messages.push(sub);
  }
  for (const esp of esps) {
    if (!openTimer(run, start, esp)) {
      closeEventSubprocesses(run, start.scopeId);
      return false;
    }
  }
  run.state.subscriptions.push(...messages);
  for (const esp of esps) {
    const { trigger } = esp;
    if (trigger.kind === 'signal')
      subscribeSignal(run.state, {
        elementId: esp.startEventId,
        feiId: start.scopeId,
        name: trigger.signal,
      });
    else if (trigger.kind === 'conditional')
      watchCondition(
        run,
        { elementId: esp.startEventId, feiId: start.scopeId, scopeId: start.scopeId },
        false,
      );
  }
  return true;
}

/**
 * After the scope's start event completed: buffered messages matching a message start are
 * consumed (each fires), and conditional starts are evaluated once (scope activation).
 */
export function activateEventSubprocesses(run: RunContext, scopeId: string): void {
  const element = scopeElement(run, scopeId);
  if (element === undefined) return;
  for (const esp of eventSubProcessesOf(run.ir, element)) {
    if (run.state.scopes[scopeId]?.interruptedBy) return;
    if (esp.trigger.kind === 'message') consumeBuffered(run, scopeId, esp);
    else if (esp.trigger.kind === 'conditional') {
      const sub = run.state.conditions?.find(
        (c) => c.feiId === scopeId && c.elementId === esp.startEventId,
      );
      if (sub && conditionHoldsNow(run, sub)) triggerEventSubprocess(run, scopeId, esp, {});
    }
  }
}

function consumeBuffered(run: RunContext, scopeId: string, esp: EventSubProcessIR): void {
  const { state } = run;
  for (;;) {
    const i = state.subscriptions.findIndex(
      (s) => s.feiId === scopeId && s.elementId === esp.startEventId,
    );
    if (i < 0) return;
    const sub = state.subscriptions[i];
    const m = state.messages.findIndex(
      (b) =>
        b.name === sub.name &&
        (b.correlationKey === undefined ||
          sub.correlationKey === undefined ||
          b.correlationKey === sub.correlationKey),
    );
    if (m < 0) return;
    const [message] = state.messages.splice(m, 1);
    if (esp.interrupting) state.subscriptions.splice(i, 1);
    triggerEventSubprocess(run, scopeId, esp, message.variables);
    if (esp.interrupting) return;
  }
}

function isEventSubprocessStart(run: RunContext, elementId: string): boolean {
  return eventSubProcessOfStart(run.ir, elementId) !== undefined;
}

/** Closes the event subprocess subscriptions of a scope (timers cancelled). */
export function closeEventSubprocesses(run: RunContext, scopeId: string): void {
  const { state } = run;
  for (const id of Object.keys(state.timers)) {
    const t = state.timers[id];
    if (t.feiId === scopeId && isEventSubprocessStart(run, t.elementId)) {
      delete state.timers[id];
      run.emit({ type: 'cancelTimer', timerId: id });
    }
  }
  if (state.subscriptions.some((s) => s.feiId === scopeId))
    state.subscriptions = state.subscriptions.filter(
      (s) => s.feiId !== scopeId || !isEventSubprocessStart(run, s.elementId),
    );
  dropSignals(state, scopeId, (s) => isEventSubprocessStart(run, s.elementId));
  dropConditions(state, scopeId, (s) => isEventSubprocessStart(run, s.elementId));
}

/** Starts an instance of `esp` in `scopeId` with the event's variables (see the header). */
export function triggerEventSubprocess(
  run: RunContext,
  scopeId: string,
  esp: EventSubProcessIR,
  variables: Variables,
): void {
  const scope = run.state.scopes[scopeId];
  if (!scope || scope.interruptedBy) return;
  if (esp.interrupting) {
    scope.interruptedBy = esp.id;
    closeEventSubprocesses(run, scopeId);
    cancelScopeContents(run, scopeId);
  }
  run.spawn(scopeId, esp.id, variables);
}
