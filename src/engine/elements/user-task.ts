/**
 * User task (BPMN 2.0 §10.3.3 "User Task"): opens an entry in `state.userTasks` with the
 * variables the task sees and its assignment (`=expr` ones evaluated now:
 * `user-task-assignment.ts`), due date, follow-up date and priority (Camunda 8
 * `zeebe:taskSchedule`, `zeebe:priorityDefinition`, evaluated as it opens: user-task-fields.ts);
 * a value that cannot be used is an `expression` incident, retried by opening the task again.
 * It waits for `userTaskCompleted`; the completion variables are result variables
 * (propagated, or through output mappings).
 */
import type { UserTaskIR } from '../../model/bpmn/ir';
import { scheduledFields } from '../user-task-fields';
import type { ElementBehaviour } from './behaviour';
import { userTaskAssignment } from './user-task-assignment';

export const userTask: ElementBehaviour<UserTaskIR> = {
  enter(ctx, token, el) {
    const variables = ctx.variables(token);
    const assignment = userTaskAssignment(el, variables, ctx.now);
    if (!assignment.ok) {
      ctx.incident(token, 'expression', `element '${el.id}': ${assignment.error}`);
      return;
    }
    const scheduled = scheduledFields(ctx, token, el);
    if (!scheduled) return;
    ctx.state.userTasks[token.feiId] = {
      flowElementInstanceId: token.feiId,
      elementId: el.id,
      ...(el.name !== undefined ? { name: el.name } : {}),
      ...assignment.value,
      ...(el.formKey !== undefined ? { formKey: el.formKey } : {}),
      ...scheduled,
      variables,
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
