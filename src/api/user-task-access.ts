/**
 * Reaching one user task by its flowElementInstanceId: the owning instance (404 when the id
 * has no instance, 409 when it is not running) and its updates, whose rejections become
 * 404 (never seen), 409 `user-task-not-open` (finished) or 409 `user-task-assigned` (someone
 * else holds it).
 */
import { ApplicationFailure, type WorkflowHandle } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { USER_TASK_ASSIGNED } from '../../workflows/messages';
import type { ApiDeps } from './deps';
import { describeInstance, describedFields, requireRunning } from './instance-access';
import { HttpProblem } from './problem';

/** `<workflowId>/<elementId>/<n>` → workflowId, or undefined when the id has another shape. */
export function workflowIdOf(feiId: string): string | undefined {
  const parts = feiId.split('/');
  if (
    parts.length < 3 ||
    !/^\d+$/.test(parts[parts.length - 1]) ||
    parts.slice(0, -2).join('/') === ''
  )
    return undefined;
  return parts.slice(0, -2).join('/');
}

export function unknownTask(feiId: string): HttpProblem {
  return new HttpProblem(404, `user task '${feiId}' not found`, { type: 'user-task-not-found' });
}

/** The running instance that owns the task `feiId`. */
export async function taskInstance(
  deps: ApiDeps,
  feiId: string,
): Promise<{
  workflowId: string;
  handle: WorkflowHandle;
  fields: ReturnType<typeof describedFields>;
}> {
  const workflowId = workflowIdOf(feiId);
  if (!workflowId) throw unknownTask(feiId);
  const { handle, description } = await describeInstance(deps.temporal.client, workflowId).catch(
    (err: unknown) => {
      throw err instanceof HttpProblem && err.status === 404 ? unknownTask(feiId) : err;
    },
  );
  requireRunning(workflowId, description);
  return { workflowId, handle, fields: describedFields(description) };
}

/** The HTTP answer for an update the workflow rejected, or undefined when `err` is not one. */
export function taskRejection(err: unknown, feiId: string): HttpProblem | undefined {
  if (!(err instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = err.cause;
  const type = cause instanceof ApplicationFailure ? cause.type : undefined;
  const message = cause?.message ?? err.message;
  if (type === USER_TASK_ASSIGNED)
    return new HttpProblem(409, message, { type: 'user-task-assigned' });
  if (type === 'UserTaskCompleted')
    return new HttpProblem(409, message, { type: 'user-task-not-open' });
  if (type === 'UserTaskNotFound') return unknownTask(feiId);
  return undefined;
}
