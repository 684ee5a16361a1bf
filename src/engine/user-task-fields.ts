/**
 * The fields of an open user task beyond its element (Camunda 8 user tasks): due date,
 * follow-up date and priority evaluated from the model's FEEL when the task opens, and the
 * changes a `userTaskUpdated` event makes later (claim / assign / unassign, new dates or
 * priority through the API).
 */
import type { UserTaskIR } from '../model/bpmn/ir';
import type { EngineContext } from './elements/behaviour';
import { evaluateFeel } from './feel';
import type { EngineState, Token, UserTaskChanges, UserTaskState } from './types';

type Scheduled = Pick<UserTaskState, 'dueDate' | 'followUpDate' | 'priority'>;

/**
 * The task's schedule and priority, or undefined after raising an `expression` incident: a
 * date must evaluate to a date-time (or an ISO string that parses), the priority to a whole
 * number from 0 to 100 (Camunda 8); null or absent leaves the field unset (priority 50).
 */
export function scheduledFields(
  ctx: EngineContext,
  token: Token,
  el: UserTaskIR,
): Scheduled | undefined {
  const out: Scheduled = {};
  const fail = (what: string, why: string) => {
    ctx.incident(token, 'expression', `element '${el.id}': ${what}: ${why}`);
    return undefined;
  };
  for (const field of ['dueDate', 'followUpDate'] as const) {
    const expression = el[field];
    if (expression === undefined) continue;
    const r = evaluateFeel(expression, ctx.variables(token), { now: ctx.now });
    if (!r.ok) return fail(field, r.error);
    if (r.value === null) continue;
    const ms = typeof r.value === 'string' ? Date.parse(r.value) : NaN;
    if (Number.isNaN(ms)) return fail(field, `${JSON.stringify(r.value)} is not a date-time`);
    out[field] = new Date(ms).toISOString();
  }
  if (el.priority !== undefined) {
    const r = evaluateFeel(el.priority, ctx.variables(token), { now: ctx.now });
    if (!r.ok) return fail('priority', r.error);
    const p = r.value;
    if (p !== null && (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > 100))
      return fail('priority', `${JSON.stringify(p)} is not a whole number from 0 to 100`);
    if (p !== null) out.priority = p;
  }
  return out;
}

/** Applies `changes` to the open user task `feiId` (a closed or unknown one is left alone). */
export function updateUserTask(state: EngineState, feiId: string, changes: UserTaskChanges): void {
  const task = state.userTasks[feiId];
  if (!task) return;
  for (const field of ['assignee', 'dueDate', 'followUpDate'] as const) {
    const value = changes[field];
    if (value === null) delete task[field];
    else if (value !== undefined) task[field] = value;
  }
  if (changes.priority !== undefined) task.priority = changes.priority;
}
