/**
 * Small built-in task types useful in models, tests and benchmarks:
 * - `noop`: completes at once with no variables.
 * - `echo`: returns the variables it was given (its `zeebe:input` locals included).
 * - `bpmn-error`: raises the BPMN error named by header `errorCode` (message: `errorMessage`).
 * - `fail`: always fails technically (becomes an incident once its retries are spent); the
 *   message is header `message`.
 */
import { ApplicationFailure } from '@temporalio/common';
import { bpmnError } from './bpmn-error';
import type { TaskInput } from './task-input';

/** Completes at once. */
export async function noop(_input: TaskInput): Promise<Record<string, unknown>> {
  return {};
}

/** Returns the variables it was given. */
export async function echo(input: TaskInput): Promise<Record<string, unknown>> {
  return input.variables;
}

/** Raises a BPMN error from the task headers. */
export async function raiseBpmnError(input: TaskInput): Promise<never> {
  const code = input.headers.errorCode;
  if (!code) {
    throw ApplicationFailure.nonRetryable(
      `task ${input.elementId}: header errorCode is required`,
      'BadTaskConfig',
    );
  }
  throw bpmnError(code, input.headers.errorMessage ?? code);
}

/** Fails every attempt. */
export async function fail(input: TaskInput): Promise<never> {
  throw ApplicationFailure.retryable(
    input.headers.message ?? `task ${input.elementId} failed`,
    'TaskFailed',
  );
}
