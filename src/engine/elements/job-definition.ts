/**
 * The job a service or send task creates (BPMN 2.0 §10.3.3 "Service Task"; Camunda 8
 * `zeebe:taskDefinition`): its task type and retries, static or FEEL (`=expr`), evaluated when
 * the job is created — on entering the task and again on each incident retry. A FEEL type must
 * give a non-empty string naming a type the model could also have written statically: not an
 * internal activity, and not `callback` or `integration`, whose deploy-time checks a computed
 * type would skip. FEEL retries must give a positive whole number. Anything else is an
 * `expression` incident naming the element.
 */
import type { JobTaskIR } from '../../model/bpmn/ir';
import { reservedTaskTypeReason } from '../../model/task-types';
import { CALLBACK_TASK_TYPE } from '../callback-waits';
import { evaluateFeel } from '../feel';
import type { Token, Variables } from '../types';
import type { EngineContext } from './behaviour';

/** Built-in types whose model needs deploy-time checks, so they must be written statically. */
const STATIC_ONLY_TYPES: ReadonlySet<string> = new Set([CALLBACK_TASK_TYPE, 'integration']);

/** What the job is created with. */
export interface JobDefinition {
  taskType: string;
  retries: number;
}

/** The task type and retries of the job, or undefined after raising an incident. */
export function jobDefinition(
  ctx: EngineContext,
  token: Token,
  el: JobTaskIR,
  variables: Variables,
): JobDefinition | undefined {
  const taskType = el.taskTypeIsFeel ? feelTaskType(el, variables, ctx.now) : { ok: el.taskType };
  if ('error' in taskType) {
    ctx.incident(token, 'expression', `element '${el.id}': ${taskType.error}`);
    return undefined;
  }
  const retries = el.retriesExpression ? feelRetries(el, variables, ctx.now) : { ok: el.retries };
  if ('error' in retries) {
    ctx.incident(token, 'expression', `element '${el.id}': ${retries.error}`);
    return undefined;
  }
  return { taskType: taskType.ok, retries: retries.ok };
}

type Checked<T> = { ok: T } | { error: string };

function feelTaskType(el: JobTaskIR, variables: Variables, now: number): Checked<string> {
  const r = evaluateFeel(el.taskType, variables, { now });
  if (!r.ok) return { error: `task type: ${r.error}` };
  if (typeof r.value !== 'string' || r.value.trim() === '')
    return {
      error: `task type expression "${el.taskType}" evaluated to ${JSON.stringify(r.value)}, not a non-empty string`,
    };
  const type = r.value.trim();
  const reserved = reservedTaskTypeReason(type, el.taskQueue !== undefined);
  if (reserved) return { error: reserved };
  if (STATIC_ONLY_TYPES.has(type))
    return { error: `task type "${type}" must be written statically, not computed by FEEL` };
  return { ok: type };
}

function feelRetries(el: JobTaskIR, variables: Variables, now: number): Checked<number> {
  const expression = el.retriesExpression ?? '';
  const r = evaluateFeel(expression, variables, { now });
  if (!r.ok) return { error: `retries: ${r.error}` };
  const value = typeof r.value === 'string' && /^\d+$/.test(r.value) ? Number(r.value) : r.value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    return {
      error: `retries expression "${expression}" evaluated to ${JSON.stringify(r.value)}, not a positive whole number`,
    };
  return { ok: value };
}
