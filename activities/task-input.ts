/**
 * What a service-task activity receives and may return. Any Temporal worker (in any SDK) that
 * implements a task type on its own queue gets this single argument, and returns an object of
 * variables (or nothing). Throwing an ApplicationFailure of type `BpmnError` with details
 * `[{ errorCode, message }]` raises a BPMN error routed to a matching error boundary event.
 */
export interface TaskInput {
  /** `<workflowId>/<elementId>/<n>`: unique per element execution. */
  flowElementInstanceId: string;
  elementId: string;
  elementName?: string;
  taskType: string;
  /** `zeebe:taskHeaders`, with `${…}` templates resolved. */
  headers: Record<string, string>;
  /** The variables the task sees: the scope chain plus its `zeebe:input` mappings. */
  variables: Record<string, unknown>;
  /** The process instance (workflow id) and definition key. */
  instanceId: string;
  definitionKey: string;
  /** Task type `callback` only: the request attempt (1, +1 per incident retry) its callback URLs are signed for. */
  callbackAttempt?: number;
  /** The request attempt: 1, +1 per incident retry (Temporal's own retries keep it). */
  attempt?: number;
  /** Task type `callback` only: the workflow's first run id, which its callback URLs are bound to. */
  firstRunId?: string;
}

/** The failure type that carries a BPMN error code from a task to the engine. */
export const BPMN_ERROR_TYPE = 'BpmnError';

/** Details of a BPMN error failure. */
export interface BpmnErrorDetails {
  errorCode: string;
  message: string;
}
