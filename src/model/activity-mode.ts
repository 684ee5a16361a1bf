/**
 * Local or regular activities for built-in task types (issue 20). A built-in task type that
 * finishes in bounded time (`LOCAL_TASK_TYPES`) runs as a Temporal local activity — in the
 * worker that runs the workflow task, recorded as a marker when that workflow task completes —
 * unless the task header `waymark.activityMode` or the configured default
 * (`WAYMARK_BUILTIN_ACTIVITY_MODE`) says `remote`. Custom job types, callbacks and tasks sent
 * to another queue always run as regular activities.
 */

import { BUILTIN_TASK_TYPES, INTERNAL_ACTIVITIES } from './task-types';

/** How a built-in task's activity runs. */
export type ActivityMode = 'local' | 'remote';

export const ACTIVITY_MODES: readonly ActivityMode[] = ['local', 'remote'];

/** The task header that chooses the mode of one task. */
export const ACTIVITY_MODE_HEADER = 'waymark.activityMode';

/** Built-in task types that wait on something outside the task: never local. */
const WAITING_TASK_TYPES: readonly string[] = ['callback', 'integration'];

/**
 * Built-in task types that may run as local activities: each ends in bounded time — every
 * built-in type but the waiting ones, and a business rule task's decision
 * (activities/evaluate-decision.ts: a registry read).
 */
export const LOCAL_TASK_TYPES: readonly string[] = [
  ...BUILTIN_TASK_TYPES.filter((t) => !WAITING_TASK_TYPES.includes(t)),
  INTERNAL_ACTIVITIES.evaluateDecision,
];

/** Whether `value` names a mode. */
export function isActivityMode(value: unknown): value is ActivityMode {
  return typeof value === 'string' && (ACTIVITY_MODES as readonly string[]).includes(value);
}

/**
 * The mode of a task: remote for a type not in `LOCAL_TASK_TYPES` or a task with its own
 * queue; else the header's mode, else the default (local when none is configured).
 */
export function activityModeOf(
  task: { taskType: string; taskQueue?: string; headers: Record<string, string> },
  fallback: ActivityMode = 'local',
): ActivityMode {
  if (task.taskQueue !== undefined || !LOCAL_TASK_TYPES.includes(task.taskType)) return 'remote';
  const header = task.headers[ACTIVITY_MODE_HEADER];
  return isActivityMode(header) ? header : fallback;
}
