/**
 * Whether a service task's activity runs as a local activity (driver revision 5,
 * src/model/activity-mode.ts): a built-in type that ends in bounded time, on the workflow's own
 * queue, unless its `waymark.activityMode` header or the configured default
 * (`ProcessWorkflowInput.builtinActivityMode`) says `remote`. A local activity holds its
 * workflow task until it ends, so a timer, message or cancellation that interrupts the task
 * reaches it only then (or at the workflow task's heartbeat): an http task the model may
 * interrupt runs as a regular activity unless its header asks for `local`.
 */
import { isInterruptible } from '../../src/engine';
import { activityModeOf } from '../../src/model/activity-mode';
import { CONNECTOR_TASK_TYPES } from '../../src/model/task-types';
import type { ProcessWorkflowInput } from '../messages';
import { localBuiltinTasks } from './revisions';
import type { ScheduleTask } from './types';

export function runsLocally(cmd: ScheduleTask, input: ProcessWorkflowInput): boolean {
  if (!localBuiltinTasks(input)) return false;
  const interrupted =
    CONNECTOR_TASK_TYPES.includes(cmd.taskType) && isInterruptible(input.ir, cmd.elementId);
  const fallback = interrupted ? 'remote' : (input.builtinActivityMode ?? 'local');
  return activityModeOf(cmd, fallback) === 'local';
}
