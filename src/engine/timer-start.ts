/**
 * When a process-level timer start event (BPMN 2.0 §10.5.2) starts instances, as Camunda 8
 * reads its timer: a `timeDate` once at that time; a `timeDuration` once, that long after the
 * deploy; a `timeCycle` either as an ISO-8601 repeating interval (`R5/PT10S` at most five
 * times, `R/PT10S` without end, `R/2026-01-01T00:00:00Z/PT1H` from that start,
 * `R/PT1H/2026-12-31T00:00:00Z` until that end) or as a Spring cron expression (`cron.ts`).
 * A FEEL timer is evaluated at deploy with no variables (Camunda does the same).
 *
 * Pure arithmetic on the caller's `now` (the deploy time): the API turns the plan into a
 * Temporal Schedule (src/api/schedules), the compiler checks that one can be made.
 */
import { FeelDateTime, FeelDuration } from 'feelin';
import type { TimerDef } from '../model/bpmn/ir';
import { isCronCycle, parseCron, type CronFields } from './cron';
import { evaluateFeelRaw } from './feel';
import { addDuration, parseDateTime, parseDuration } from './timers';
import type { EpochMs } from './types';

export type TimerStartPlan =
  /** One start at `at` (a date, or a duration after the deploy). */
  | { kind: 'once'; at: EpochMs }
  /** Starts every `everyMs` from `firstAt`; `repetitions` undefined = no limit. */
  | { kind: 'interval'; everyMs: number; firstAt: EpochMs; endAt?: EpochMs; repetitions?: number }
  /** Starts whenever the cron fields match (UTC). */
  | { kind: 'cron'; expression: string; fields: CronFields };

export type TimerStartResult = { ok: true; plan: TimerStartPlan } | { ok: false; error: string };

/** A date-time without its `[zone]` suffix (the offset before it decides the instant). */
function instant(text: string): EpochMs | null {
  return parseDateTime(text.trim().replace(/\[[^\]]*\]$/, ''));
}

/** The timer's text: static as written, FEEL evaluated at `now` with no variables. */
function timerText(timer: TimerDef, now: EpochMs): { text: string } | { error: string } {
  if (!timer.isFeel) return { text: timer.expression };
  const r = evaluateFeelRaw(timer.expression, {}, { now });
  if (!r.ok)
    return { error: `${r.error} (a timer start's FEEL is evaluated at deploy, with no variables)` };
  const v = r.value;
  if (typeof v === 'string') return { text: v };
  if (v instanceof FeelDuration) return { text: String(v) };
  if (v instanceof FeelDateTime) {
    const at = (() => {
      try {
        return v.unwrap().toZonedDateTime(v.zone ?? 'UTC').epochMilliseconds as number;
      } catch {
        return instant(String(v).replace(/@.*$/, ''));
      }
    })();
    return at === null
      ? { error: `'${String(v)}' is not a date-time` }
      : { text: new Date(at).toISOString() };
  }
  return {
    error: `its FEEL '${timer.expression}' gave ${JSON.stringify(v) ?? String(v)}, not a ${timer.kind}`,
  };
}

/** `R[n]/[start/]duration[/end]` → an interval plan. */
function isoCycle(text: string, now: EpochMs): TimerStartResult {
  const bad = (why: string): TimerStartResult => ({
    ok: false,
    error: `timeCycle '${text}' ${why}`,
  });
  const parts = text.trim().split('/');
  const rep = /^R(\d*)$/.exec(parts[0] ?? '');
  if (!rep || parts.length < 2 || parts.length > 3)
    return bad('is neither an ISO-8601 repeating interval (R/PT1H) nor a cron expression');
  const repetitions = rep[1] === '' ? undefined : Number(rep[1]);
  if (repetitions === 0) return bad('repeats zero times');
  const start = parts.length === 3 ? instant(parts[1]) : null;
  const durationText = start !== null ? parts[2] : parts[1];
  const end = parts.length === 3 && start === null ? instant(parts[2]) : null;
  if (parts.length === 3 && start === null && end === null)
    return bad('has neither a start nor an end date-time');
  const d = parseDuration(durationText);
  if (!d) return bad(`has no ISO-8601 duration ('${durationText}')`);
  const base = start ?? now;
  const everyMs = addDuration(base, d) - base;
  if (everyMs < 1000) return bad('repeats more often than once a second');
  return {
    ok: true,
    plan: {
      kind: 'interval',
      everyMs,
      firstAt: start ?? now + everyMs,
      ...(end !== null ? { endAt: end } : {}),
      ...(repetitions !== undefined ? { repetitions } : {}),
    },
  };
}

/** When the timer start starts instances, deployed at `now`. */
export function planTimerStart(timer: TimerDef, now: EpochMs): TimerStartResult {
  const resolved = timerText(timer, now);
  if ('error' in resolved) return { ok: false, error: resolved.error };
  const text = resolved.text.trim();
  if (timer.kind === 'cycle') {
    if (!isCronCycle(text)) return isoCycle(text, now);
    const cron = parseCron(text);
    return cron.ok
      ? { ok: true, plan: { kind: 'cron', expression: text, fields: cron.fields } }
      : { ok: false, error: `cron '${text}': ${cron.error}` };
  }
  if (timer.kind === 'duration') {
    const d = parseDuration(text);
    return d
      ? { ok: true, plan: { kind: 'once', at: addDuration(now, d) } }
      : { ok: false, error: `timeDuration '${text}' is not an ISO-8601 duration such as PT5M` };
  }
  const at = instant(text);
  return at !== null
    ? { ok: true, plan: { kind: 'once', at } }
    : {
        ok: false,
        error: `timeDate '${text}' is not an ISO-8601 date-time such as 2026-01-01T09:00:00Z`,
      };
}
