/**
 * User task (BPMN 2.0 §10.3.3 "User Task"): opens an entry in `state.userTasks` with the
 * variables the task sees, and waits for `userTaskCompleted`; the completion variables are
 * result variables (propagated, or through output mappings). Due date, follow-up date and
 * priority (Camunda 8 `zeebe:taskSchedule`, `zeebe:priorityDefinition`) are evaluated as it
 * opens (user-task-fields.ts); a failing one is an `expression` incident.
 */
import type { UserTaskIR } from '../../model/bpmn/ir';
import { scheduledFields } from '../user-task-fields';
import type { ElementBehaviour } from './behaviour';

export const userTask: ElementBehaviour<UserTaskIR> = {
  enter(ctx, token, el) {
    const scheduled = scheduledFields(ctx, token, el);
    if (!scheduled) return;
    ctx.state.userTasks[token.feiId] = {
      flowElementInstanceId: token.feiId,
      elementId: el.id,
      ...(el.name !== undefined ? { name: el.name } : {}),
      ...(el.assignee !== undefined ? { assignee: el.assignee } : {}),
      ...(el.candidateGroups !== undefined ? { candidateGroups: el.candidateGroups } : {}),
      ...(el.formKey !== undefined ? { formKey: el.formKey } : {}),
      ...scheduled,
      variables: ctx.variables(token),
      createdAt: new Date(ctx.now).toISOString(),
    };
  },
  onEvent(ctx, token, _el, event) {
    if (event.type !== 'userTaskCompleted' || !ctx.state.userTasks[token.feiId]) return;
    delete ctx.state.userTasks[token.feiId];
    ctx.complete(token, { variables: event.variables });
  },
  onCancel(ctx, token) {
    delete ctx.state.userTasks[token.feiId];
  },
};
