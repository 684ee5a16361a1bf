/**
 * Rule `timer-definition`: a timer event definition sets exactly one of timeDuration,
 * timeDate or timeCycle, with a value. Cycles repeat, so they are only allowed on
 * non-interrupting boundary events and non-interrupting event subprocess starts (as in
 * Camunda 8).
 */
import { isEventSubProcess } from '../elements';
import type { Problem, Rule } from '../types';
import { allNodes, problemAt } from './helpers';

const id = 'timer-definition';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Timers define one duration, date or cycle.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { element: el } of allNodes(ctx)) {
      for (const def of el.eventDefinitions ?? []) {
        if (def.$type !== 'bpmn:TimerEventDefinition') continue;
        const set = [def.timeDuration, def.timeDate, def.timeCycle].filter((e) => e !== undefined);
        if (set.length !== 1) {
          problems.push(
            problemAt(
              id,
              el,
              `The timer must define exactly one of timeDuration, timeDate, timeCycle; found ${set.length}`,
            ),
          );
          continue;
        }
        if (!set[0].body?.trim()) problems.push(problemAt(id, el, 'The timer has an empty value'));
        const nonInterrupting =
          (el.$type === 'bpmn:BoundaryEvent' && el.cancelActivity === false) ||
          (el.$type === 'bpmn:StartEvent' &&
            isEventSubProcess(el.$parent) &&
            el.isInterrupting === false);
        // A process-level timer start event repeats by its cycle (a schedule, §10.5.2).
        const processStart = el.$type === 'bpmn:StartEvent' && !isEventSubProcess(el.$parent);
        if (def.timeCycle && !nonInterrupting && !processStart) {
          problems.push(
            problemAt(
              id,
              el,
              'A timeCycle is only allowed on process start events, non-interrupting boundary events and non-interrupting event subprocess starts',
            ),
          );
        }
      }
    }
    return problems;
  },
};
