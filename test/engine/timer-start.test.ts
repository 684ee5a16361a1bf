/** Timer start events → start plans for their schedules (src/engine/timer-start.ts). */
import type { TimerDef } from '../../src/model/bpmn/ir';
import { planTimerStart } from '../../src/engine/timer-start';

const now = Date.parse('2026-03-01T10:00:00.000Z');
const timer = (kind: TimerDef['kind'], expression: string, isFeel = false): TimerDef => ({
  kind,
  expression,
  isFeel,
});
const plan = (t: TimerDef) => {
  const r = planTimerStart(t, now);
  if (!r.ok) throw new Error(r.error);
  return r.plan;
};

describe('planTimerStart', () => {
  it('starts a date once at that instant, the zone suffix aside', () => {
    expect(plan(timer('date', '2026-04-01T09:00:00+02:00[Europe/Berlin]'))).toEqual({
      kind: 'once',
      at: Date.parse('2026-04-01T07:00:00Z'),
    });
  });

  it('starts a duration once, that long after the deploy', () => {
    expect(plan(timer('duration', 'PT90S'))).toEqual({ kind: 'once', at: now + 90_000 });
  });

  it('repeats an ISO cycle from one interval after the deploy, limited by R<n>', () => {
    expect(plan(timer('cycle', 'R/PT10S'))).toEqual({
      kind: 'interval',
      everyMs: 10_000,
      firstAt: now + 10_000,
    });
    expect(plan(timer('cycle', 'R5/PT10S'))).toMatchObject({ repetitions: 5 });
  });

  it('reads a start date and an end date of a cycle', () => {
    expect(plan(timer('cycle', 'R/2027-01-01T00:00:00Z/PT1H'))).toEqual({
      kind: 'interval',
      everyMs: 3_600_000,
      firstAt: Date.parse('2027-01-01T00:00:00Z'),
    });
    expect(plan(timer('cycle', 'R/P1D/2026-12-31T00:00:00Z'))).toMatchObject({
      everyMs: 86_400_000,
      endAt: Date.parse('2026-12-31T00:00:00Z'),
    });
  });

  it('parses a cron cycle', () => {
    const p = plan(timer('cycle', '0 0 9 * * MON-FRI'));
    expect(p.kind).toBe('cron');
    if (p.kind === 'cron') expect(p.fields.hour).toEqual([{ start: 9, end: 9, step: 1 }]);
  });

  it('evaluates FEEL at deploy with no variables', () => {
    expect(plan(timer('cycle', '"R/PT" + string(30) + "S"', true))).toMatchObject({
      everyMs: 30_000,
    });
    expect(plan(timer('date', 'now() + duration("PT1H")', true))).toEqual({
      kind: 'once',
      at: now + 3_600_000,
    });
    expect(plan(timer('duration', 'duration("PT5M")', true))).toEqual({
      kind: 'once',
      at: now + 300_000,
    });
  });

  it.each([
    [timer('cycle', 'R0/PT1S'), /zero times/],
    [timer('cycle', 'R/PT0.5S'), /once a second/],
    [timer('cycle', 'every hour'), /cron/],
    [timer('cycle', 'R/PT1X'), /duration/],
    [timer('date', 'next tuesday'), /date-time/],
    [timer('duration', 'PT'), /duration/],
    [timer('date', 'orderDate', true), /gave null/],
  ])('refuses %j', (t, why) => {
    const r = planTimerStart(t, now);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(why);
  });
});
