/**
 * FEEL for the DMN evaluator: expressions and unary tests through feelin, over a context of
 * feelin values (decision results stay feelin values until the end). Deterministic: `now()`
 * and `today()` answer the caller's `now`, never the clock. A FEEL syntax error throws a
 * `DecisionError`; runtime problems are null values, as in feelin and Camunda.
 */
import { FeelFunction, dateAndTime, evaluate, date as feelDate, unaryTest } from 'feelin';
import type { EpochMs } from '../types';

/** An evaluation failure: what went wrong, in which decision. */
export class DecisionError extends Error {
  constructor(
    message: string,
    readonly decisionId?: string,
  ) {
    super(message);
    this.name = 'DecisionError';
  }
}

export type FeelContext = Record<string, unknown>;

/** The functions that would read the clock, answering `now` instead (null without one). */
export function clockFunctions(now: EpochMs | undefined): FeelContext {
  const iso = now === undefined ? undefined : new Date(now).toISOString();
  return {
    now: new FeelFunction(() => (iso ? dateAndTime(iso) : null), []),
    today: new FeelFunction(() => (iso ? feelDate(iso.slice(0, 10)) : null), []),
  };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Evaluates a FEEL expression; an empty one is null. */
export function feelValue(text: string, context: FeelContext, what: string): unknown {
  if (text.trim() === '') return null;
  try {
    return evaluate(text, context).value ?? null;
  } catch (err) {
    throw new DecisionError(`${what} "${text}": ${message(err)}`);
  }
}

/** Whether `input` satisfies the unary tests `text` (`-` and empty match anything). */
export function feelTest(
  text: string,
  input: unknown,
  context: FeelContext,
  what: string,
): boolean {
  const t = text.trim();
  if (t === '' || t === '-') return true;
  try {
    return unaryTest(t, { ...context, '?': input }).value === true;
  } catch (err) {
    throw new DecisionError(`${what} "${text}": ${message(err)}`);
  }
}
