/**
 * Rule `timer-start-schedule`: a process-level timer start event can become a Temporal
 * Schedule (src/engine/timer-start.ts): its date, duration, ISO-8601 cycle or Spring cron
 * cycle parses, and its FEEL — evaluated at deploy with no variables, as Camunda 8 does —
 * gives one of those. Timer starts of event subprocesses are workflow timers and are checked
 * by `timer-iso8601` instead.
 */
import { planTimerStart } from '../../../engine/timer-start';
import { timerOf } from '../build-elements';
import { feelSyntaxError } from '../feel-source';
import type { Problem, Rule, RuleContext } from '../types';
import type { ModdleElement } from '../moddle-types';
import { problemAt } from './helpers';

const id = 'timer-start-schedule';

/** The timer definition of each process-level timer start event. */
export function processTimerStarts(ctx: RuleContext): Array<[ModdleElement, ModdleElement]> {
  const starts: Array<[ModdleElement, ModdleElement]> = [];
  for (const model of ctx.processes) {
    for (const el of model.scopes[0]?.nodes ?? []) {
      if (el.$type !== 'bpmn:StartEvent') continue;
      for (const def of el.eventDefinitions ?? [])
        if (def.$type === 'bpmn:TimerEventDefinition') starts.push([el, def]);
    }
  }
  return starts;
}

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Process-level timer start events define a date, duration, ISO cycle or cron.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const [el, def] of processTimerStarts(ctx)) {
      const set = [def.timeDuration, def.timeDate, def.timeCycle].filter((e) => e !== undefined);
      if (set.length !== 1 || !set[0].body?.trim()) continue; // timer-definition reports it
      const timer = timerOf(def);
      if (timer.isFeel && feelSyntaxError(timer.expression) !== undefined) continue; // feel-syntax
      const plan = planTimerStart(timer, Date.now());
      if (!plan.ok)
        problems.push(problemAt(id, el, `Its timer start cannot be scheduled: ${plan.error}`));
    }
    return problems;
  },
};
