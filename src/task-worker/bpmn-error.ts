/**
 * The BPMN error a task handler raises: thrown (`throw new BpmnError(code, message)`) or
 * returned (`{ bpmnError: code, message? }`), it becomes the failure the Waymark engine routes
 * to the task's error boundary event (an ApplicationFailure of type `BpmnError`, not retried,
 * details `[{ errorCode, message }]` — what activities/task-input.ts defines for every SDK).
 */
import { ApplicationFailure } from '@temporalio/common';
import { BPMN_ERROR_TYPE, type BpmnErrorDetails } from '../../activities/task-input';

/** A BPMN error with an error code, as Camunda's `client.throwError` raises it. */
export class BpmnError extends Error {
  constructor(
    readonly errorCode: string,
    message: string = errorCode,
  ) {
    super(message);
    this.name = 'BpmnError';
  }
}

/** A handler result that raises a BPMN error instead of completing the task. */
export interface BpmnErrorResult {
  bpmnError: string;
  message?: string;
}

/** Whether a handler's result asks for a BPMN error. */
export function isBpmnErrorResult(result: unknown): result is BpmnErrorResult {
  return (
    typeof result === 'object' &&
    result !== null &&
    typeof (result as { bpmnError?: unknown }).bpmnError === 'string'
  );
}

/** The Temporal failure that carries the BPMN error `errorCode` to the engine. */
export function bpmnErrorFailure(errorCode: string, message = errorCode): ApplicationFailure {
  const details: BpmnErrorDetails = { errorCode, message };
  return ApplicationFailure.create({
    type: BPMN_ERROR_TYPE,
    message,
    nonRetryable: true,
    details: [details],
  });
}
