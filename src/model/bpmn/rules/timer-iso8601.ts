/**
 * Rule `timer-iso8601`: static timer values are valid ISO-8601 — a duration for
 * timeDuration, a date-time with offset for timeDate, a repeating interval for timeCycle.
 * FEEL values (`=…`) are checked by `feel-syntax` instead; process-level timer start events
 * (schedules, which also take cron cycles) by `timer-start-schedule`.
 */
import { readSource } from '../feel-source';
import { isIsoCycle, isIsoDateTime, isIsoDuration } from '../iso8601';
import type { Problem, Rule } from '../types';
import { allNodes, problemAt } from './helpers';
import { processTimerStarts } from './timer-start-schedule';

const id = 'timer-iso8601';

const CHECKS = [
  { key: 'timeDuration', valid: isIsoDuration, expected: 'an ISO-8601 duration such as PT5M' },
  {
    key: 'timeDate',
    valid: isIsoDateTime,
    expected: 'an ISO-8601 date-time with offset such as 2025-01-01T10:00:00Z',
  },
  {
    key: 'timeCycle',
    valid: isIsoCycle,
    expected: 'an ISO-8601 repeating interval such as R3/PT10M',
  },
] as const;

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Static timer values are ISO-8601.',
  check(ctx) {
    const problems: Problem[] = [];
    const scheduled = new Set(processTimerStarts(ctx).map(([el]) => el));
    for (const { element: el } of allNodes(ctx)) {
      if (scheduled.has(el)) continue;
      for (const def of el.eventDefinitions ?? []) {
        if (def.$type !== 'bpmn:TimerEventDefinition') continue;
        for (const { key, valid, expected } of CHECKS) {
          const body = def[key]?.body;
          if (body === undefined || body.trim() === '') continue;
          const source = readSource(body);
          if (!source.isFeel && !valid(source.text)) {
            problems.push(problemAt(id, el, `Its ${key} "${source.text}" is not ${expected}`));
          }
        }
      }
    }
    return problems;
  },
};
