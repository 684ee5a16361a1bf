/**
 * Rule `trigger-settings`: ON_SCHEDULED_POLL transitions have a `pollIntervalSeconds`,
 * ON_EVENT transitions an `eventName`, and neither setting appears on other trigger types.
 */
import type { SmProblem, SmRule } from './types';

const id = 'trigger-settings';

export const rule: SmRule = {
  id,
  description: 'Scheduled polls have an interval, event triggers an event name.',
  check(def) {
    const problems: SmProblem[] = [];
    def.transitions.forEach((t, i) => {
      const poll = t.triggerType === 'ON_SCHEDULED_POLL';
      const event = t.triggerType === 'ON_EVENT';
      if (poll && t.pollIntervalSeconds === undefined)
        problems.push({
          rule: id,
          path: `transitions[${i}].pollIntervalSeconds`,
          message: `ON_SCHEDULED_POLL transition '${t.code}' needs pollIntervalSeconds`,
        });
      if (!poll && t.pollIntervalSeconds !== undefined)
        problems.push({
          rule: id,
          path: `transitions[${i}].pollIntervalSeconds`,
          message: `pollIntervalSeconds is only for ON_SCHEDULED_POLL (transition '${t.code}' is ${t.triggerType})`,
        });
      if (event && t.eventName === undefined)
        problems.push({
          rule: id,
          path: `transitions[${i}].eventName`,
          message: `ON_EVENT transition '${t.code}' needs eventName`,
        });
      if (!event && t.eventName !== undefined)
        problems.push({
          rule: id,
          path: `transitions[${i}].eventName`,
          message: `eventName is only for ON_EVENT (transition '${t.code}' is ${t.triggerType})`,
        });
    });
    return problems;
  },
};
