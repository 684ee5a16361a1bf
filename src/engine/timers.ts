/**
 * Timer definitions → absolute due times (BPMN 2.0 §10.5.3 timerEventDefinition with
 * ISO-8601 timeDuration / timeDate / timeCycle). Pure arithmetic on caller-supplied epoch
 * milliseconds: calendar parts (years, months) are added in UTC, zone-less date-times are
 * read as UTC, so the result never depends on the machine's clock or time zone.
 */
import { FeelDateTime, FeelDate, FeelDuration } from 'feelin';
import type { TimerDef } from '../model/bpmn/ir';
import { evaluateFeelRaw } from './feel';
import type { EpochMs, Variables } from './types';

/** A computed timer: first due time; cycles also carry repetitions and interval. */
export interface TimerPlan {
  dueAt: EpochMs;
  /** Fires left including the first; -1 = unbounded cycle (`R/PT1H`). Undefined = once. */
  remaining?: number;
  intervalMs?: number;
}

export type TimerResult = { ok: true; plan: TimerPlan } | { ok: false; error: string };

interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DURATION =
  /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** Parses an ISO-8601 duration (`PT1S`, `P1DT2H`, `P1Y2M`, `P2W`); null when malformed. */
export function parseDuration(text: string): Duration | null {
  const m = DURATION.exec(text.trim());
  if (!m || text.trim() === 'P' || text.trim().endsWith('T')) return null;
  const n = (s: string | undefined): number => (s ? Number(s.replace(',', '.')) : 0);
  return {
    years: n(m[1]),
    months: n(m[2]),
    weeks: n(m[3]),
    days: n(m[4]),
    hours: n(m[5]),
    minutes: n(m[6]),
    seconds: n(m[7]),
  };
}

/** Adds a duration to an instant: calendar months/years in UTC, the rest as fixed time. */
export function addDuration(from: EpochMs, d: Duration): EpochMs {
  let at = from;
  if (d.years || d.months) {
    const date = new Date(from);
    const wholeMonths = Math.trunc(d.years * 12 + d.months);
    date.setUTCMonth(date.getUTCMonth() + wholeMonths);
    at = date.getTime();
  }
  const ms =
    ((d.weeks * 7 + d.days) * 24 * 3600 + d.hours * 3600 + d.minutes * 60 + d.seconds) * 1000;
  return Math.round(at + ms);
}

/** Parses an ISO-8601 date-time; without a zone designator it is read as UTC. */
export function parseDateTime(text: string): EpochMs | null {
  const s = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(s)) return null;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(s) || !s.includes('T');
  const ms = Date.parse(zoned ? s : `${s}Z`);
  return Number.isNaN(ms) ? null : ms;
}

/** Parses `R3/PT10S`, `R/PT1H`, `R2/2024-01-01T00:00:00Z/PT1H` relative to `now`. */
export function parseCycle(text: string, now: EpochMs): TimerPlan | null {
  const parts = text.trim().split('/');
  const rep = /^R(\d*)$/.exec(parts[0] ?? '');
  if (!rep || parts.length < 2 || parts.length > 3) return null;
  const remaining = rep[1] === '' ? -1 : Number(rep[1]);
  if (remaining === 0) return null;
  let start: EpochMs | null = null;
  let durationText = parts[1];
  if (parts.length === 3) {
    // R/start/duration or R/duration/end (the end bound is not enforced).
    start = parseDateTime(parts[1]);
    if (start !== null) durationText = parts[2];
    else if (parseDateTime(parts[2]) === null) return null;
  }
  const d = parseDuration(durationText);
  if (!d) return null;
  const base = start ?? now;
  const intervalMs = addDuration(base, d) - base;
  if (intervalMs <= 0) return null;
  const dueAt = start ?? now + intervalMs;
  return { dueAt, remaining, intervalMs };
}

/** Computes the first due time of a timer definition (FEEL evaluated over `variables`). */
export function planTimer(def: TimerDef, variables: Variables, now: EpochMs): TimerResult {
  let value: unknown = def.expression;
  if (def.isFeel) {
    const r = evaluateFeelRaw(def.expression, variables, { now });
    if (!r.ok) return { ok: false, error: r.error };
    value = r.value;
  }
  const bad = (): TimerResult => ({
    ok: false,
    error: `invalid timer ${def.kind} '${describe(value)}' (expression '${def.expression}')`,
  });
  if (value instanceof FeelDuration) value = String(value);
  if (value instanceof FeelDateTime) {
    const at = feelDateTimeMs(value);
    return at === null ? bad() : { ok: true, plan: { dueAt: at } };
  }
  if (value instanceof FeelDate) value = `${String(value)}T00:00:00Z`;
  if (typeof value !== 'string') return bad();
  if (def.kind === 'cycle') {
    const plan = parseCycle(value, now);
    return plan ? { ok: true, plan } : bad();
  }
  // A FEEL result decides its own shape: a duration string or a date-time string.
  const d = parseDuration(value);
  if (d && (def.kind === 'duration' || def.isFeel)) {
    return { ok: true, plan: { dueAt: addDuration(now, d) } };
  }
  const at = parseDateTime(value);
  if (at !== null && (def.kind === 'date' || def.isFeel)) return { ok: true, plan: { dueAt: at } };
  return bad();
}

function feelDateTimeMs(v: FeelDateTime): EpochMs | null {
  try {
    return v.unwrap().toZonedDateTime(v.zone ?? 'UTC').epochMilliseconds;
  } catch {
    return parseDateTime(String(v).replace(/@.*$/, ''));
  }
}

function describe(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}
