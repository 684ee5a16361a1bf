/**
 * Cron cycles of timer start events, as Camunda 8 reads them: Spring's six fields
 * `second minute hour day-of-month month day-of-week` (`0 0 9 * * MON-FRI`) or one of its
 * macros (`@daily`, …). Parsed into ranges per field — the shape of a Temporal calendar spec —
 * so nothing is left to another cron dialect: Temporal's own cron strings start at the minute
 * field, and a Spring string handed over as is would shift every field by one.
 *
 * Both day fields must match (Spring's rule, and Temporal's). Quartz extras Spring accepts —
 * `L`, `W`, `#` — have no calendar-spec equivalent and are refused, naming the field.
 */

/** Values `start..end` every `step` (Temporal's `Range`). */
export interface CronRange {
  start: number;
  end: number;
  step: number;
}

/** A parsed cron expression: the ranges each field matches (days of week 0 = Sunday … 6). */
export interface CronFields {
  second: CronRange[];
  minute: CronRange[];
  hour: CronRange[];
  dayOfMonth: CronRange[];
  month: CronRange[];
  dayOfWeek: CronRange[];
}

export type CronResult = { ok: true; fields: CronFields } | { ok: false; error: string };

const MACROS: Record<string, string> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};

const MONTH_NAMES = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldRule {
  name: keyof CronFields;
  min: number;
  max: number;
  /** Name → number (months 1-based, days 0 = SUN). */
  names?: readonly string[];
  namesFrom?: number;
  /** `?` allowed (the day fields). */
  question?: boolean;
}

const FIELDS: readonly FieldRule[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'dayOfMonth', min: 1, max: 31, question: true },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES, namesFrom: 1 },
  // Spring: 0-7, both 0 and 7 are Sunday.
  { name: 'dayOfWeek', min: 0, max: 7, names: DAY_NAMES, namesFrom: 0, question: true },
];

/** True when a cycle is a cron expression rather than an ISO-8601 repeating interval. */
export function isCronCycle(text: string): boolean {
  const t = text.trim();
  return t.startsWith('@') || t.split(/\s+/).length > 1;
}

function value(text: string, rule: FieldRule): number | string {
  const upper = text.toUpperCase();
  const named = rule.names?.indexOf(upper) ?? -1;
  if (named >= 0) return named + (rule.namesFrom ?? 0);
  if (!/^\d+$/.test(text)) return `'${text}' is not a number`;
  const n = Number(text);
  if (n < rule.min || n > rule.max) return `${n} is outside ${rule.min}-${rule.max}`;
  return n;
}

/** One comma-separated part: `*`, `n`, `a-b`, with an optional `/step`. */
function part(text: string, rule: FieldRule): CronRange | string {
  const unnamed = (rule.names ?? []).reduce((t, n) => t.replaceAll(n, ''), text.toUpperCase());
  if (/[LW#]/.test(unnamed))
    return `'${text}' uses L, W or #, which Waymark's schedules cannot express`;
  const [body, stepText, extra] = text.split('/');
  if (extra !== undefined || body === '') return `'${text}' is malformed`;
  let step = 1;
  if (stepText !== undefined) {
    if (!/^\d+$/.test(stepText) || Number(stepText) === 0)
      return `step '${stepText}' is not a positive number`;
    step = Number(stepText);
  }
  if (body === '*' || (body === '?' && rule.question))
    return { start: rule.min, end: rule.max, step };
  const [from, to, more] = body.split('-');
  if (more !== undefined) return `'${text}' is malformed`;
  const start = value(from, rule);
  if (typeof start === 'string') return start;
  // `a/n` runs from a to the field's end.
  const endValue = to !== undefined ? value(to, rule) : stepText !== undefined ? rule.max : start;
  if (typeof endValue === 'string') return endValue;
  if (endValue < start) return `range '${body}' ends before it starts`;
  return { start, end: endValue, step };
}

/** Spring's day of week 7 (Sunday) becomes 0, as Temporal counts. */
function sundayAsZero(ranges: CronRange[]): CronRange[] {
  return ranges.flatMap((r) => {
    if (r.end < 7) return [r];
    if (r.start === 7) return [{ start: 0, end: 0, step: 1 }];
    const rest = { ...r, end: 6 };
    // A range through 7 also matches Sunday when its step lands there.
    return (7 - r.start) % r.step === 0 && r.start > 0
      ? [rest, { start: 0, end: 0, step: 1 }]
      : [rest];
  });
}

/** Parses a Spring cron expression (six fields or a macro); errors name the field. */
export function parseCron(text: string): CronResult {
  const t = text.trim();
  const expanded = t.startsWith('@') ? MACROS[t.toLowerCase()] : t;
  if (expanded === undefined)
    return {
      ok: false,
      error: `unknown cron macro '${t}' (use @yearly, @monthly, @weekly, @daily or @hourly)`,
    };
  const texts = expanded.split(/\s+/);
  if (texts.length !== 6)
    return {
      ok: false,
      error: `a cron expression has six fields (second minute hour day-of-month month day-of-week), found ${texts.length}`,
    };
  const fields: Partial<CronFields> = {};
  for (const [i, rule] of FIELDS.entries()) {
    const ranges: CronRange[] = [];
    for (const p of texts[i].split(',')) {
      const r = part(p, rule);
      if (typeof r === 'string') return { ok: false, error: `its ${rule.name} field: ${r}` };
      ranges.push(r);
    }
    fields[rule.name] = rule.name === 'dayOfWeek' ? sundayAsZero(ranges) : ranges;
  }
  return { ok: true, fields: fields as CronFields };
}
