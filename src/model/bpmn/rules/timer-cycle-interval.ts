/**
 * Rule `timer-cycle-interval`: a static timer cycle repeats no faster than the configured
 * minimum (`WAYMARK_MIN_TIMER_CYCLE_MS`, default 1 s). BPMN 2.0.2 §10.5.4 leaves the interval
 * free, but every firing is a durable timer and a history entry: `R/PT0.001S` on a
 * non-interrupting boundary would fill an instance's history in under a minute. FEEL cycles
 * are evaluated at run time and not checked here.
 */
import { readSource } from '../feel-source';
import { DEFAULT_COMPILE_LIMITS } from '../limits';
import type { Problem, Rule } from '../types';
import { allNodes, problemAt } from './helpers';

const id = 'timer-cycle-interval';

const UNIT_MS = { Y: 365 * 86_400_000, W: 7 * 86_400_000, D: 86_400_000 } as const;

/** Milliseconds of an ISO-8601 duration (months as 30 days, years as 365); null if malformed. */
export function durationMs(text: string): number | null {
  const m =
    /^P(?:([\d.]+)Y)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)D)?(?:T(?:([\d.]+)H)?(?:([\d.]+)M)?(?:([\d.]+)S)?)?$/.exec(
      text.trim().replace(/,/g, '.'),
    );
  if (!m) return null;
  const [y, mo, w, d, h, mi, s] = m.slice(1).map((v) => (v ? Number(v) : 0));
  return (
    y * UNIT_MS.Y +
    mo * 30 * UNIT_MS.D +
    w * UNIT_MS.W +
    d * UNIT_MS.D +
    (h * 3600 + mi * 60 + s) * 1000
  );
}

/** The interval of `R[n]/[start/]duration` or `R[n]/duration/end`, in ms; null if none. */
function cycleIntervalMs(text: string): number | null {
  const parts = text.trim().split('/').slice(1);
  for (const part of parts) {
    const ms = durationMs(part);
    if (ms !== null) return ms;
  }
  return null;
}

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Static timer cycles repeat no faster than the configured minimum interval.',
  check(ctx) {
    const min = ctx.limits?.minTimerCycleMs ?? DEFAULT_COMPILE_LIMITS.minTimerCycleMs;
    const problems: Problem[] = [];
    for (const { element: el } of allNodes(ctx)) {
      for (const def of el.eventDefinitions ?? []) {
        const body = def.$type === 'bpmn:TimerEventDefinition' ? def.timeCycle?.body : undefined;
        if (body === undefined || body.trim() === '') continue;
        const source = readSource(body);
        const ms = source.isFeel ? null : cycleIntervalMs(source.text);
        if (ms === null || ms >= min) continue;
        problems.push(
          problemAt(
            id,
            el,
            `Its timeCycle "${source.text}" repeats every ${ms} ms, faster than the minimum of ${min} ms (WAYMARK_MIN_TIMER_CYCLE_MS)`,
          ),
        );
      }
    }
    return problems;
  },
};
