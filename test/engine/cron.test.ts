/** Spring six-field cron cycles of timer start events → ranges per field (src/engine/cron.ts). */
import { isCronCycle, parseCron } from '../../src/engine/cron';

const fields = (text: string) => {
  const r = parseCron(text);
  if (!r.ok) throw new Error(r.error);
  return r.fields;
};

describe('parseCron', () => {
  it('reads the seconds field first, as Spring and Camunda do', () => {
    // given 09:00:30 on weekdays, when parsed
    const f = fields('30 0 9 * * MON-FRI');
    // then each field holds its own range and the day names are numbers (0 = Sunday)
    expect(f.second).toEqual([{ start: 30, end: 30, step: 1 }]);
    expect(f.minute).toEqual([{ start: 0, end: 0, step: 1 }]);
    expect(f.hour).toEqual([{ start: 9, end: 9, step: 1 }]);
    expect(f.dayOfMonth).toEqual([{ start: 1, end: 31, step: 1 }]);
    expect(f.month).toEqual([{ start: 1, end: 12, step: 1 }]);
    expect(f.dayOfWeek).toEqual([{ start: 1, end: 5, step: 1 }]);
  });

  it('reads steps, lists, month names, ? and Sunday as 7', () => {
    const f = fields('*/15 5/10 8-18/2 ? JAN,JUL 7');
    expect(f.second).toEqual([{ start: 0, end: 59, step: 15 }]);
    expect(f.minute).toEqual([{ start: 5, end: 59, step: 10 }]);
    expect(f.hour).toEqual([{ start: 8, end: 18, step: 2 }]);
    expect(f.dayOfMonth).toEqual([{ start: 1, end: 31, step: 1 }]);
    expect(f.month).toEqual([
      { start: 1, end: 1, step: 1 },
      { start: 7, end: 7, step: 1 },
    ]);
    expect(f.dayOfWeek).toEqual([{ start: 0, end: 0, step: 1 }]);
    expect(fields('0 0 0 * * FRI-7').dayOfWeek).toEqual([
      { start: 5, end: 6, step: 1 },
      { start: 0, end: 0, step: 1 },
    ]);
  });

  it('expands the macros', () => {
    expect(fields('@daily')).toEqual(fields('0 0 0 * * *'));
    expect(fields('@hourly').minute).toEqual([{ start: 0, end: 0, step: 1 }]);
  });

  it.each([
    ['0 9 * * MON-FRI', /six fields/],
    ['0 0 9 * * 8', /dayOfWeek field: 8 is outside 0-7/],
    ['0 61 * * * *', /minute field/],
    ['0 0 0 L * *', /L, W or #/],
    ['0 0 0 ? * MON#2', /L, W or #/],
    ['0 0 0 * * */0', /step/],
    ['0 0 18-9 * * *', /ends before it starts/],
    ['@fortnightly', /unknown cron macro/],
  ])('refuses %s, naming why', (text, why) => {
    const r = parseCron(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(why);
  });

  it('tells cron cycles from ISO repeating intervals', () => {
    expect(isCronCycle('0 0 9 * * MON-FRI')).toBe(true);
    expect(isCronCycle('@daily')).toBe(true);
    expect(isCronCycle('R/PT1H')).toBe(false);
  });
});
