/**
 * The user-task updates beyond completion: claim / assign / unassign (`assignUserTask`) and new
 * dates or priority (`updateUserTask`). Validators reject unknown or finished tasks, and an
 * assignment over someone else's claim without `allowOverride`, before anything is written;
 * the change is an engine event (`userTaskUpdated`), so it survives continue-as-new.
 */
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import * as engine from '../../src/engine';
import type { EngineState, UserTaskState } from '../../src/engine/types';
import { now } from '../lifecycle';
import { assignUserTaskUpdate, updateUserTaskUpdate, USER_TASK_ASSIGNED } from '../messages';
import type { RunningProcess } from './types';

/** Registers the assignment and update handlers of a process. */
export function registerUserTaskHandlers(instance: RunningProcess): void {
  setHandler(
    assignUserTaskUpdate,
    ({ flowElementInstanceId: feiId, assignee }) => {
      instance.dispatch({ type: 'userTaskUpdated', feiId, changes: { assignee }, now: now() });
      return openTask(instance.state, feiId);
    },
    {
      description:
        'Claim, assign or unassign an open user task {flowElementInstanceId, assignee|null, allowOverride?}',
      validator: ({ flowElementInstanceId: feiId, assignee, allowOverride }) => {
        const task = openTask(instance.state, feiId);
        if (assignee !== null && !allowOverride) requireFreeFor(task, assignee);
      },
    },
  );
  setHandler(
    updateUserTaskUpdate,
    ({ flowElementInstanceId: feiId, changes }) => {
      instance.dispatch({ type: 'userTaskUpdated', feiId, changes, now: now() });
      return openTask(instance.state, feiId);
    },
    {
      description:
        'Change an open user task {flowElementInstanceId, changes:{dueDate?, followUpDate?, priority?}}',
      validator: ({ flowElementInstanceId: feiId }) => void openTask(instance.state, feiId),
    },
  );
}

/** The open task `feiId`, or a rejection naming why there is none. */
export function openTask(state: EngineState, feiId: string): UserTaskState {
  const task = state.userTasks[feiId];
  if (task) return task;
  const completed = engine.userTaskStatus(state, feiId) === 'completed';
  throw ApplicationFailure.create({
    type: completed ? 'UserTaskCompleted' : 'UserTaskNotFound',
    message: completed
      ? `user task ${feiId} is already completed`
      : `no user task ${feiId} in this instance`,
  });
}

/** Rejects acting on `task` as `user` while someone else is its assignee. */
export function requireFreeFor(task: UserTaskState, user: string): void {
  if (task.assignee === undefined || task.assignee === user) return;
  throw ApplicationFailure.create({
    type: USER_TASK_ASSIGNED,
    message: `user task ${task.flowElementInstanceId} is assigned to ${task.assignee}`,
  });
}
