/**
 * The BPMN driver's payload budget (src/engine/payload-size.ts): what it checks before Temporal
 * sees a payload it makes. A service task whose input (its variables and headers) or a call
 * activity whose child input (IR and variables) exceeds the budget fails as an incident naming
 * both sizes instead of a workflow task Temporal refuses again and again; a state too big to
 * continue as new becomes an instance incident (instance-incident.ts) instead of a stall.
 */
import { DEFAULT_PAYLOAD_LIMIT, describeBytes, overBudget } from '../../src/engine/payload-size';
import type { InstanceView, ProcessContinuation, ProcessWorkflowInput } from '../messages';
import type { ScheduleTask } from './types';

/** The payload budget of this instance: `limits.payloadBytes` (set by the API from config). */
export function payloadLimit(input: Pick<ProcessWorkflowInput, 'limits'>): number {
  return input.limits?.payloadBytes ?? DEFAULT_PAYLOAD_LIMIT;
}

/** "… of N bytes exceeds the payload budget of L bytes": the one wording of every refusal. */
export function budgetMessage(what: string, bytes: number, limit: number): string {
  return `${what} of ${describeBytes(bytes)} exceeds the payload budget of ${describeBytes(limit)} (WAYMARK_PAYLOAD_LIMIT; Temporal refuses payloads over 2 MiB)`;
}

/** Why the task's activity input cannot be sent, or undefined when it fits. */
export function taskInputProblem(cmd: ScheduleTask, limit: number): string | undefined {
  const bytes = overBudget({ variables: cmd.variables, headers: cmd.headers }, limit);
  return bytes === undefined
    ? undefined
    : budgetMessage(`the input of task '${cmd.elementId}'`, bytes, limit);
}

/** Why a child workflow's input cannot be sent, or undefined when it fits. */
export function childInputProblem(
  elementId: string,
  input: unknown,
  limit: number,
): string | undefined {
  const bytes = overBudget(input, limit);
  return bytes === undefined
    ? undefined
    : budgetMessage(`the child input of call activity '${elementId}'`, bytes, limit);
}

/** Why the next run's input cannot be sent, or undefined when it fits. */
export function handOverProblem(
  next: ProcessWorkflowInput | ProcessContinuation,
  limit: number,
): string | undefined {
  const bytes = overBudget(next, limit);
  return bytes === undefined
    ? undefined
    : budgetMessage('the state to continue as new with', bytes, limit) +
        '; the instance keeps running in this run until its variables shrink';
}

/**
 * The `instance` query's answer within the budget: a finished instance's result repeats its
 * variables, so it is left out when both do not fit (the API reads the result from history).
 */
export function viewWithinBudget(view: InstanceView, limit: number): InstanceView {
  if (view.result === undefined || overBudget(view, limit) === undefined) return view;
  const { result: _omitted, ...rest } = view;
  return rest;
}
