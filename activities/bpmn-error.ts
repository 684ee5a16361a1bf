/**
 * Raising BPMN errors from activities: an ApplicationFailure of type `BpmnError`, not retried,
 * whose details carry the error code the engine routes to an error boundary event.
 */
import { ApplicationFailure } from '@temporalio/common';
import { BPMN_ERROR_TYPE, type BpmnErrorDetails } from './task-input';

/** Builds the failure a task throws to raise the BPMN error `errorCode`. */
export function bpmnError(errorCode: string, message = errorCode): ApplicationFailure {
  const details: BpmnErrorDetails = { errorCode, message };
  return ApplicationFailure.create({
    type: BPMN_ERROR_TYPE,
    message,
    nonRetryable: true,
    details: [details],
  });
}
