/**
 * ISO-8601 literals of timer definitions, as Camunda 8 accepts them: durations (`PT1S`,
 * `P1DT2H`), date-times with an offset or zone (`2025-01-01T10:00:00Z`,
 * `…+02:00[Europe/Berlin]`) and repeating intervals (`R3/PT10M`, `R/2025-01-01T10:00:00Z/P1D`).
 * Cron cycles are not supported by workflow timers and are rejected; process-level timer start
 * events (schedules) accept them (src/engine/cron.ts).
 */

const DURATION =
  /^-?P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})(\[[A-Za-z0-9_+\-/]+\])?$/;

/** True for an ISO-8601 duration such as `PT1S` or `P1DT12H`. */
export function isIsoDuration(text: string): boolean {
  return DURATION.test(text.trim());
}

/** True for an ISO-8601 date-time with an offset (and optional `[zone]`). */
export function isIsoDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return false;
  const [month, day, hour, minute] = [Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59;
}

/** True for `R[n]/<duration>`, `R[n]/<start>/<duration>` or `R[n]/<duration>/<end>`. */
export function isIsoCycle(text: string): boolean {
  const parts = text.trim().split('/');
  if (!/^R\d*$/.test(parts[0] ?? '')) return false;
  if (parts.length === 2) return isIsoDuration(parts[1]);
  if (parts.length === 3) {
    return (
      (isIsoDateTime(parts[1]) && isIsoDuration(parts[2])) ||
      (isIsoDuration(parts[1]) && isIsoDateTime(parts[2]))
    );
  }
  return false;
}
