/**
 * The one list of activity names the worker registers, shared by the worker (activities/),
 * the workflow code that calls internal activities, the BPMN compiler and the tests: the task
 * types a model may use with a built-in handler, and the internal activities a model must not
 * name. Internal activities take the reserved `waymark.` prefix, which deploy refuses as a task
 * type; the integration workflows' `ai` step predates the prefix (recorded histories name it),
 * so a model may use `ai` only with a `taskQueue` header that sends it to another worker.
 */

/** Task types with a built-in handler on the default task queue. */
export const BUILTIN_TASK_TYPES = [
  'noop',
  'echo',
  'bpmn-error',
  'fail',
  'http',
  'io.camunda:http-json:1',
  'callback',
  // Runs an integration workflow as a child workflow (workflows/process/integration-task.ts).
  'integration',
] as const;

/** Whether `type` has a built-in handler on the default task queue. */
export function isBuiltinTaskType(type: string): boolean {
  const builtin: readonly string[] = BUILTIN_TASK_TYPES;
  return builtin.includes(type);
}

/**
 * Built-in connectors: their activity gets only the task's own input mappings (its local
 * scope), never the variables it inherits, so a start payload cannot supply a connector field
 * the model did not map (and inherited variables do not travel into history again).
 */
export const CONNECTOR_TASK_TYPES: readonly string[] = ['http', 'io.camunda:http-json:1'];

/**
 * Built-in task types whose activities heartbeat while they wait on the network (http,
 * callback requests): scheduled with a heartbeat timeout well below start-to-close, so a dead
 * worker is noticed in seconds and a cancellation reaches the request.
 */
export const HEARTBEATING_TASK_TYPES: readonly string[] = [...CONNECTOR_TASK_TYPES, 'callback'];

/** The heartbeat timeout of those activities (start-to-close stays 5 minutes). */
export const TASK_HEARTBEAT_TIMEOUT = '15 seconds';

/** The prefix of every internal activity; no task type may start with it. */
export const RESERVED_ACTIVITY_PREFIX = 'waymark.';

/** Internal activities, by role. */
export const INTERNAL_ACTIVITIES = {
  resolveDefinition: 'waymark.resolveDefinition',
  webhookSubscriptions: 'waymark.webhookSubscriptions',
  deliverWebhook: 'waymark.deliverWebhook',
  // Evaluates a business rule task's DMN decision (activities/evaluate-decision.ts).
  evaluateDecision: 'waymark.evaluateDecision',
  // Broadcasts a signal thrown in a process to the other instances (activities/broadcast-signal.ts).
  broadcastSignal: 'waymark.broadcastSignal',
  // Registers a keyed message subscription with its mailbox (activities/mailbox.ts).
  mailboxSubscribe: 'waymark.mailboxSubscribe',
  // Publishes a message from a message throw or end event (activities/mailbox.ts).
  publishMessage: 'waymark.publishMessage',
  // Starts an instance with a buffered message once the key's holder ended (activities/mailbox.ts).
  startFromMailbox: 'waymark.startFromMailbox',
} as const;

/** Internal activities registered without the prefix (named so in recorded histories). */
export const UNPREFIXED_INTERNAL_ACTIVITIES = ['ai'] as const;

/**
 * Why a service task may not use `type`, or undefined when it may. A task with a `taskQueue`
 * header runs on another worker's queue, where the unprefixed internal names are free.
 */
export function reservedTaskTypeReason(type: string, hasTaskQueue: boolean): string | undefined {
  if (type.startsWith(RESERVED_ACTIVITY_PREFIX)) {
    return `Task type "${type}" uses the prefix "${RESERVED_ACTIVITY_PREFIX}", reserved for Waymark's internal activities`;
  }
  const internal: readonly string[] = UNPREFIXED_INTERNAL_ACTIVITIES;
  if (!hasTaskQueue && internal.includes(type)) {
    return `Task type "${type}" is an internal activity of integration workflows; add a taskQueue task header to run it on your own worker`;
  }
  return undefined;
}
