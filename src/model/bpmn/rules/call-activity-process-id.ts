/**
 * Rule `call-activity-process-id`: a call activity names the process it calls with
 * `zeebe:calledElement processId` (static, or FEEL with `=`).
 */
import type { Rule } from '../types';
import { extension } from '../zeebe';
import { nodesOfType, problemAt } from './helpers';

const id = 'call-activity-process-id';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Call activities name the called process.',
  check(ctx) {
    return nodesOfType(ctx, 'bpmn:CallActivity')
      .filter(
        (n) => !extension(n.element, 'zeebe:CalledElement')?.processId?.replace(/^=/, '').trim(),
      )
      .map((n) => problemAt(id, n.element, 'It needs a zeebe:calledElement with a processId'));
  },
};
