/**
 * Publishes the earliest due date of a process's open user tasks as the search attribute
 * `WaymarkUserTaskDue`, upserted only when it changes (most instances have no due dates and
 * never upsert it), so `GET /user-tasks?overdue=true` asks visibility which instances have an
 * overdue task instead of querying every instance. Runs started before driver revision 3 never
 * publish it (revisions.ts), so their histories replay unchanged.
 */
import type { TypedSearchAttributes } from '@temporalio/common';
import { upsertSearchAttributes } from '@temporalio/workflow';
import type { EngineState } from '../../src/engine/types';
import { WaymarkUserTaskDue } from '../../src/temporal/search-attributes';

/** The earliest `dueDate` among the open user tasks (ISO), or undefined. */
export function earliestDue(state: EngineState): string | undefined {
  let earliest: string | undefined;
  let earliestMs = Infinity;
  for (const task of Object.values(state.userTasks)) {
    if (task.dueDate === undefined) continue;
    const ms = Date.parse(task.dueDate);
    if (ms < earliestMs) [earliest, earliestMs] = [task.dueDate, ms];
  }
  return earliest;
}

/** Keeps `WaymarkUserTaskDue` current for one run. */
export class DueDatePublisher {
  /** As last published: at first, as the run started with it (carried over continue-as-new). */
  private published: number | undefined;

  constructor(
    private readonly enabled: boolean,
    startedWith: TypedSearchAttributes,
  ) {
    this.published = enabled ? startedWith.get(WaymarkUserTaskDue)?.getTime() : undefined;
  }

  publish(state: EngineState): void {
    if (!this.enabled) return;
    const due = earliestDue(state);
    const ms = due === undefined ? undefined : Date.parse(due);
    if (ms === this.published) return;
    this.published = ms;
    upsertSearchAttributes([
      { key: WaymarkUserTaskDue, value: ms === undefined ? null : new Date(ms) },
    ]);
  }
}
