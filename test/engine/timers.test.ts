import {
  addDuration,
  parseCycle,
  parseDateTime,
  parseDuration,
  planTimer,
} from '../../src/engine/timers';

const T0 = Date.UTC(2024, 0, 31, 12);

describe('timers', () => {
  it('parses ISO-8601 durations and adds calendar parts in UTC', () => {
    expect(addDuration(T0, parseDuration('PT1.5S')!)).toBe(T0 + 1500);
    expect(addDuration(T0, parseDuration('P2W')!)).toBe(T0 + 14 * 86400_000);
    expect(addDuration(T0, parseDuration('P1M')!)).toBe(Date.UTC(2024, 2, 2, 12)); // Jan 31 + 1 month rolls over
    expect(addDuration(T0, parseDuration('P1Y')!)).toBe(Date.UTC(2025, 0, 31, 12));
    expect(parseDuration('P')).toBeNull();
    expect(parseDuration('PT')).toBeNull();
    expect(parseDuration('1H')).toBeNull();
  });

  it('reads zone-less date-times as UTC', () => {
    expect(parseDateTime('2024-05-01T10:00:00')).toBe(Date.UTC(2024, 4, 1, 10));
    expect(parseDateTime('2024-05-01T10:00:00+02:00')).toBe(Date.UTC(2024, 4, 1, 8));
    expect(parseDateTime('tomorrow')).toBeNull();
  });

  it('parses cycles with and without a start', () => {
    expect(parseCycle('R3/PT10S', T0)).toEqual({
      dueAt: T0 + 10_000,
      remaining: 3,
      intervalMs: 10_000,
    });
    expect(parseCycle('R/PT1H', T0)).toEqual({
      dueAt: T0 + 3600_000,
      remaining: -1,
      intervalMs: 3600_000,
    });
    expect(parseCycle('R2/2024-02-01T00:00:00Z/P1D', T0)).toEqual({
      dueAt: Date.UTC(2024, 1, 1),
      remaining: 2,
      intervalMs: 86400_000,
    });
    expect(parseCycle('PT1S', T0)).toBeNull();
    expect(parseCycle('R0/PT1S', T0)).toBeNull();
  });

  it('plans FEEL timers from strings or FEEL values', () => {
    expect(
      planTimer(
        { kind: 'cycle', expression: '"R2/PT" + string(n) + "S"', isFeel: true },
        { n: 5 },
        T0,
      ),
    ).toEqual({
      ok: true,
      plan: { dueAt: T0 + 5000, remaining: 2, intervalMs: 5000 },
    });
    expect(
      planTimer({ kind: 'date', expression: 'date("2024-02-01")', isFeel: true }, {}, T0),
    ).toEqual({
      ok: true,
      plan: { dueAt: Date.UTC(2024, 1, 1) },
    });
    expect(planTimer({ kind: 'duration', expression: 'x', isFeel: true }, { x: 3 }, T0).ok).toBe(
      false,
    );
  });
});
