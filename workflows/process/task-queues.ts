/**
 * Job workers by convention: which Temporal task queue a service task's activity runs on. A
 * `taskQueue` task header names it; else a type with a built-in handler, and Waymark's own
 * internal activities (`waymark.…`, e.g. a business rule task's decision), run on the workflow's
 * own queue; any other type runs on the queue the configured map (`WAYMARK_TASK_QUEUES`, in the
 * input as `taskQueues`) gives it, else on the queue named exactly as the type — so a worker in
 * any Temporal SDK polling that queue with an activity of that name serves a Camunda model
 * unchanged. Runs started before driver revision 3 keep the default queue (revisions.ts).
 */
import { RESERVED_ACTIVITY_PREFIX, isBuiltinTaskType } from '../../src/model/task-types';
import type { ProcessWorkflowInput } from '../messages';
import { queuesByConvention } from './revisions';
import type { ScheduleTask } from './types';

/** The task queue `cmd` runs on; undefined = the workflow's own queue. */
export function taskQueueOf(cmd: ScheduleTask, input: ProcessWorkflowInput): string | undefined {
  if (cmd.taskQueue !== undefined) return cmd.taskQueue;
  const own = isBuiltinTaskType(cmd.taskType) || cmd.taskType.startsWith(RESERVED_ACTIVITY_PREFIX);
  if (own || !queuesByConvention(input)) return undefined;
  return input.taskQueues?.[cmd.taskType] ?? cmd.taskType;
}

/** `cmd` with the queue it runs on filled in (the command itself when nothing changes). */
export function routeTask(cmd: ScheduleTask, input: ProcessWorkflowInput): ScheduleTask {
  const taskQueue = taskQueueOf(cmd, input);
  return taskQueue === cmd.taskQueue || taskQueue === undefined ? cmd : { ...cmd, taskQueue };
}
