/**
 * The Camunda job shape a task handler receives, built from what the Waymark engine hands every
 * service-task activity (`TaskInput`, activities/task-input.ts) and the activity's own attempt
 * count. Field names follow Camunda's job (`variables`, `customHeaders` as `headers`,
 * `elementId`, `bpmnProcessId`, `processInstanceKey`, `retries`).
 */
import type { Info } from '@temporalio/activity';
import type { TaskInput } from '../../activities/task-input';

/** One execution of a service task, as a handler sees it. */
export interface TaskJob {
  /** The task type (`zeebe:taskDefinition type`). */
  type: string;
  /** The variables the task sees: its scope chain plus its `zeebe:input` mappings. */
  variables: Record<string, unknown>;
  /** `zeebe:taskHeaders`, `${…}` templates resolved (Camunda: `customHeaders`). */
  headers: Record<string, string>;
  elementId: string;
  elementName?: string;
  /** `<instanceId>/<elementId>/<n>`: unique per element execution (a good idempotency key). */
  flowElementInstanceId: string;
  /** The process instance id (Camunda: `processInstanceKey`). */
  processInstanceKey: string;
  /** The definition key, i.e. the BPMN process id (Camunda: `bpmnProcessId`). */
  bpmnProcessId: string;
  /** This attempt, from 1. */
  attempt: number;
  /**
   * Attempts left after this one if it fails (Camunda's `retries` minus one): 0 means a failure
   * now raises an incident. `zeebe:taskDefinition retries` is the total number of attempts.
   */
  retriesLeft: number;
}

/** The job for one activity call. */
export function jobOf(input: TaskInput, info: Pick<Info, 'attempt' | 'retryPolicy'>): TaskJob {
  const attempts = info.retryPolicy?.maximumAttempts ?? 0;
  return {
    type: input.taskType,
    variables: input.variables ?? {},
    headers: input.headers ?? {},
    elementId: input.elementId,
    ...(input.elementName !== undefined ? { elementName: input.elementName } : {}),
    flowElementInstanceId: input.flowElementInstanceId,
    processInstanceKey: input.instanceId,
    bpmnProcessId: input.definitionKey,
    attempt: info.attempt,
    // maximumAttempts 0 = unlimited (not what Waymark schedules, but a valid policy).
    retriesLeft: attempts > 0 ? Math.max(0, attempts - info.attempt) : Number.POSITIVE_INFINITY,
  };
}
