/**
 * Callback bookkeeping for custom activities (task type `callback`): which element instances
 * wait for a callback and for which request attempt, the callback received for each (kept
 * until the request's acknowledgement, so a fast service that calls back before it answers
 * loses nothing), and a bounded log of applied callbacks so a repeated callback is recognised
 * (identical → a no-op) and a different outcome refused. `callbackStatus` is what the
 * workflow's update validator asks; the element behaviour lives in `elements/callback-task.ts`.
 */
import { wasVisited } from './queries';
import type { CallbackOutcome, CallbackWait, EngineState } from './types';

/** The task type of a custom activity with a callback. */
export const CALLBACK_TASK_TYPE = 'callback';
/** Applied callbacks remembered for repeats (the most recent ones). */
export const CALLBACK_LOG_LIMIT = 1000;

/** A callback as the driver hands it over: which element instance, which attempt, what outcome. */
export interface CallbackInput extends CallbackOutcome {
  feiId: string;
  attempt: number;
}

export type CallbackStatus =
  | { status: 'accept' }
  /** The same callback again: answer as before, change nothing. */
  | { status: 'duplicate' }
  | { status: 'unknown'; reason: string }
  | { status: 'conflict'; reason: string };

/**
 * Decides what a callback would do, without changing anything: `accept` while the element
 * instance waits for this attempt and has not heard back yet; `duplicate` for a repeat of the
 * callback already received or applied; `conflict` for another outcome, an older attempt, or
 * an element instance no longer waiting; `unknown` for an element instance never seen.
 */
export function callbackStatus(state: EngineState, input: CallbackInput): CallbackStatus {
  const print = fingerprint(input);
  const wait = state.callbacks?.[input.feiId];
  if (wait && wait.attempt === input.attempt) {
    if (!wait.received) return { status: 'accept' };
    return sameOr(wait.received.fingerprint, print, wait.received.outcome);
  }
  const logged = state.callbackLog?.find(
    (r) => r.feiId === input.feiId && r.attempt === input.attempt,
  );
  if (logged) return sameOr(logged.fingerprint, print, logged.outcome);
  if (wait) {
    return {
      status: 'conflict',
      reason: `callback for ${input.feiId} is for request attempt ${input.attempt}, but the request was re-sent (attempt ${wait.attempt})`,
    };
  }
  if (wasVisited(state, input.feiId)) {
    return { status: 'conflict', reason: `${input.feiId} no longer waits for a callback` };
  }
  return { status: 'unknown', reason: `no callback task ${input.feiId} in this instance` };
}

function sameOr(first: string, print: string, outcome: CallbackOutcome['outcome']): CallbackStatus {
  if (first === print) return { status: 'duplicate' };
  return {
    status: 'conflict',
    reason: `a different callback (${outcome}) was already received for this element instance`,
  };
}

/** Opens (or re-opens for the next attempt) the wait of a callback task element instance. */
export function openCallback(state: EngineState, feiId: string, attempt: number): CallbackWait {
  const wait: CallbackWait = { feiId, attempt, acked: false };
  (state.callbacks ??= {})[feiId] = wait;
  return wait;
}

export function callbackWait(state: EngineState, feiId: string): CallbackWait | undefined {
  return state.callbacks?.[feiId];
}

export function closeCallback(state: EngineState, feiId: string): void {
  if (state.callbacks) delete state.callbacks[feiId];
}

/** Keeps the first callback of the current attempt; false when there is nothing to keep. */
export function recordCallback(state: EngineState, input: CallbackInput): boolean {
  const wait = state.callbacks?.[input.feiId];
  if (!wait || wait.attempt !== input.attempt || wait.received) return false;
  wait.received = { ...outcomeOf(input), fingerprint: fingerprint(input) };
  return true;
}

/** Remembers an applied callback (bounded) so that repeats answer as the first did. */
export function logCallback(state: EngineState, wait: CallbackWait): void {
  if (!wait.received) return;
  const log = (state.callbackLog ??= []);
  log.push({
    feiId: wait.feiId,
    attempt: wait.attempt,
    outcome: wait.received.outcome,
    fingerprint: wait.received.fingerprint,
  });
  if (log.length > CALLBACK_LOG_LIMIT) log.splice(0, log.length - CALLBACK_LOG_LIMIT);
}

function outcomeOf(input: CallbackOutcome): CallbackOutcome {
  if (input.outcome === 'success') return { outcome: 'success', data: input.data ?? {} };
  return {
    outcome: 'error',
    errorMessage: input.errorMessage ?? '',
    ...(input.errorCode !== undefined ? { errorCode: input.errorCode } : {}),
  };
}

/**
 * A short digest of the outcome (canonical JSON, keys sorted, through two 32-bit FNV-1a
 * variants): repeats are compared by it, so the log never holds callback data.
 */
export function fingerprint(input: CallbackOutcome): string {
  const text = canonical(outcomeOf(input));
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${hex(h1)}${hex(h2)}:${text.length}`;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
