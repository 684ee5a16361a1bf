/** Start plans → Temporal Schedule specs, limits and catch-up windows (src/api/schedules/schedule-spec.ts). */
import {
  ONE_OFF_CATCHUP_MS,
  REPEATING_CATCHUP_MS,
  timerSchedule,
} from '../../../src/api/schedules/schedule-spec';
import { parseCron } from '../../../src/engine/cron';

const now = Date.parse('2026-03-01T10:00:00.250Z');

describe('timerSchedule', () => {
  it('turns a one-off into a calendar entry for its second, one action, a year of catch-up', () => {
    const at = Date.parse('2026-04-01T07:00:00Z');
    expect(timerSchedule({ kind: 'once', at }, now)).toEqual({
      spec: {
        calendars: [
          {
            year: 2026,
            month: 'APRIL',
            dayOfMonth: 1,
            hour: 7,
            minute: 0,
            second: 0,
            comment: '2026-04-01T07:00:00.000Z',
          },
        ],
      },
      remainingActions: 1,
      catchupWindowMs: ONE_OFF_CATCHUP_MS,
      triggerNow: false,
    });
  });

  it('starts a past date at once and never again', () => {
    const s = timerSchedule({ kind: 'once', at: now - 60_000 }, now);
    expect(s).toMatchObject({ remainingActions: 0, triggerNow: true });
  });

  it('aligns an interval on its first start, whole seconds, with its limit and end', () => {
    // given a cycle whose first start is ten seconds after a deploy at .250
    const s = timerSchedule(
      {
        kind: 'interval',
        everyMs: 10_000,
        firstAt: now + 10_000,
        repetitions: 5,
        endAt: Date.parse('2026-12-31T00:00:00Z'),
      },
      now,
    );
    // then it starts at the next whole second, every ten seconds from there, five times
    const first = Date.parse('2026-03-01T10:00:11Z');
    expect(s.spec).toEqual({
      intervals: [{ every: 10_000, offset: first % 10_000 }],
      startAt: new Date(first),
      endAt: new Date('2026-12-31T00:00:00Z'),
    });
    expect(s.remainingActions).toBe(5);
    expect(s.catchupWindowMs).toBe(REPEATING_CATCHUP_MS);
  });

  it('leaves an unlimited cycle without a limit', () => {
    const s = timerSchedule({ kind: 'interval', everyMs: 2000, firstAt: now + 2000 }, now);
    expect(s.remainingActions).toBeUndefined();
  });

  it('turns a cron into a calendar with its seconds, month and day names', () => {
    const cron = parseCron('30 0 9 ? JAN-MAR MON-FRI');
    if (!cron.ok) throw new Error(cron.error);
    const s = timerSchedule(
      { kind: 'cron', expression: '30 0 9 ? JAN-MAR MON-FRI', fields: cron.fields },
      now,
    );
    expect(s.spec.calendars).toEqual([
      {
        second: [{ start: 30, end: 30, step: 1 }],
        minute: [{ start: 0, end: 0, step: 1 }],
        hour: [{ start: 9, end: 9, step: 1 }],
        dayOfMonth: [{ start: 1, end: 31, step: 1 }],
        month: [{ start: 'JANUARY', end: 'MARCH', step: 1 }],
        dayOfWeek: [{ start: 'MONDAY', end: 'FRIDAY', step: 1 }],
        comment: '30 0 9 ? JAN-MAR MON-FRI',
      },
    ]);
    expect(s.remainingActions).toBeUndefined();
    expect(s.catchupWindowMs).toBe(REPEATING_CATCHUP_MS);
  });
});
