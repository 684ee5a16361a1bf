/**
 * Rule `receive-task-message`: a receive task references a `bpmn:Message` with a static
 * name, which is what the `message` signal is matched by.
 */
import type { Rule } from '../types';
import { messageProblems, nodesOfType } from './helpers';

const id = 'receive-task-message';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Receive tasks reference a named message.',
  check(ctx) {
    return nodesOfType(ctx, 'bpmn:ReceiveTask').flatMap((n) =>
      messageProblems(id, n.element, n.element.messageRef),
    );
  },
};
