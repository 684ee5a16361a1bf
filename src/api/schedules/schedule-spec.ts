/**
 * A timer start event's plan (src/engine/timer-start.ts) as a Temporal Schedule: the spec,
 * how many actions it may take and its catch-up window.
 *
 * - A date or a duration is one action: a calendar entry for that second (UTC), at most one
 *   action. A date already past starts one instance at once (Camunda fires an overdue timer
 *   start at deploy) and none after.
 * - An ISO cycle is an interval aligned on its first start (`R/PT10S`: ten seconds after the
 *   deploy, then every ten); `R5/…` limits the schedule to five actions, a start date sets the
 *   spec's start, an end date its end. Months and years count as the fixed length they have
 *   from the first start (a Temporal interval is a fixed duration).
 * - A cron cycle is a calendar spec with the same fields, seconds included, in UTC.
 *
 * Catch-up window: one-offs catch up for a year, so an outage never loses the one start (an
 * overdue Camunda timer fires when the broker is back); repeating timers catch up for a
 * minute, so an outage does not end in a burst of the starts it missed.
 */
import type { CalendarSpec, ScheduleSpec } from '@temporalio/client';
import type { CronRange } from '../../engine/cron';
import type { TimerStartPlan } from '../../engine/timer-start';

const MONTHS = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
] as const;
const DAYS = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const;

export const ONE_OFF_CATCHUP_MS = 365 * 86_400_000;
export const REPEATING_CATCHUP_MS = 60_000;

export interface TimerSchedule {
  spec: ScheduleSpec;
  /** Actions the schedule may take; undefined = no limit. */
  remainingActions?: number;
  catchupWindowMs: number;
  /** Start one instance right away (a date already past). */
  triggerNow: boolean;
}

const wholeSecondAfter = (ms: number) => Math.ceil(ms / 1000) * 1000;

/** The calendar entry matching exactly the second of `at` (UTC). */
function calendarAt(at: number): CalendarSpec {
  const d = new Date(at);
  return {
    year: d.getUTCFullYear(),
    month: MONTHS[d.getUTCMonth()],
    dayOfMonth: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    comment: d.toISOString(),
  };
}

function ranges<T>(list: CronRange[], name: (n: number) => T) {
  return list.map((r) => ({ start: name(r.start), end: name(r.end), step: r.step }));
}

/** The Temporal schedule for a plan made at `now` (the deploy). */
export function timerSchedule(plan: TimerStartPlan, now: number): TimerSchedule {
  if (plan.kind === 'once') {
    const at = wholeSecondAfter(plan.at);
    const past = at <= now;
    return {
      spec: { calendars: [calendarAt(at)] },
      remainingActions: past ? 0 : 1,
      catchupWindowMs: ONE_OFF_CATCHUP_MS,
      triggerNow: past,
    };
  }
  if (plan.kind === 'interval') {
    const every = Math.max(1000, Math.round(plan.everyMs / 1000) * 1000);
    const first = wholeSecondAfter(plan.firstAt);
    return {
      spec: {
        intervals: [{ every, offset: first % every }],
        startAt: new Date(first),
        ...(plan.endAt !== undefined ? { endAt: new Date(plan.endAt) } : {}),
      },
      ...(plan.repetitions !== undefined ? { remainingActions: plan.repetitions } : {}),
      catchupWindowMs: REPEATING_CATCHUP_MS,
      triggerNow: false,
    };
  }
  const { fields } = plan;
  const calendar: CalendarSpec = {
    second: ranges(fields.second, (n) => n),
    minute: ranges(fields.minute, (n) => n),
    hour: ranges(fields.hour, (n) => n),
    dayOfMonth: ranges(fields.dayOfMonth, (n) => n),
    month: ranges(fields.month, (n) => MONTHS[n - 1]),
    dayOfWeek: ranges(fields.dayOfWeek, (n) => DAYS[n]),
    comment: plan.expression,
  };
  return {
    spec: { calendars: [calendar] },
    catchupWindowMs: REPEATING_CATCHUP_MS,
    triggerNow: false,
  };
}
