/**
 * How the BPMN driver carries out engine commands on Temporal: a service task is an activity
 * named after its task type (on the task's queue, retries from the model, summary = element
 * name), a call activity is a child workflow whose input holds the called definition's compiled
 * IR. Each runs inside the cancellation scope the driver gives it (timers: lifecycle.ts).
 */
import {
  ActivityFailure,
  ApplicationFailure,
  proxyActivities,
  proxyLocalActivities,
  workflowInfo,
  type CancellationScope,
} from '@temporalio/workflow';
import {
  BPMN_ERROR_TYPE,
  type BpmnErrorDetails,
  type TaskInput,
} from '../../activities/task-input';
import type { EngineEvent, Variables } from '../../src/engine/types';
import type { ActivityMode } from '../../src/model/activity-mode';
import { HEARTBEATING_TASK_TYPES, TASK_HEARTBEAT_TIMEOUT } from '../../src/model/task-types';
import { unsafeKeyPath } from '../../src/model/variable-names';
import { DRIVER_REVISION, type ProcessWorkflowInput } from '../messages';
import { executeDefinition } from '../children';
import { childFailure, deepestMessage, isCancelledFailure } from '../failures';
import { resolveDefinition } from '../resolve-definition';
import { now } from '../lifecycle';
import { childInputProblem, payloadLimit } from './budget';
import type { ScheduleTask, StartChild } from './types';

/** How a task failed: with a BPMN error code (routed to a boundary) or not (an incident). */
export interface TaskFailure {
  message: string;
  errorCode?: string;
}

type TaskFn = (input: TaskInput) => Promise<Variables | undefined | null>;

/** The outcome of a task or child: its variables, or how it failed. Cancellation rejects instead. */
export type Outcome = { ok: true; variables: Variables } | { ok: false; failure: TaskFailure };

/** A task's retries: from the model; a BPMN error is never retried. */
const retryOf = (cmd: ScheduleTask) => ({
  maximumAttempts: Math.max(1, cmd.retries),
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '1 minute',
  nonRetryableErrorTypes: [BPMN_ERROR_TYPE],
});

/**
 * Past this backoff a local activity's next attempt waits on a durable timer (a new workflow
 * task) instead of in the worker: attempts after 1, 2, 4 and 8 seconds retry locally.
 */
export const LOCAL_RETRY_THRESHOLD = '10 seconds';

/** The activity functions a task calls: regular, or local (`local`, revision 5). */
function taskActivities(cmd: ScheduleTask, local: boolean): Record<string, TaskFn> {
  const summary = cmd.name ?? cmd.elementId;
  if (local)
    return proxyLocalActivities<Record<string, TaskFn>>({
      startToCloseTimeout: '5 minutes',
      localRetryThreshold: LOCAL_RETRY_THRESHOLD,
      summary,
      retry: retryOf(cmd),
    });
  return proxyActivities<Record<string, TaskFn>>({
    taskQueue: cmd.taskQueue,
    startToCloseTimeout: '5 minutes',
    // Only Waymark's own activities heartbeat; a task sent to another worker's queue may not.
    ...(cmd.taskQueue === undefined && HEARTBEATING_TASK_TYPES.includes(cmd.taskType)
      ? { heartbeatTimeout: TASK_HEARTBEAT_TIMEOUT }
      : {}),
    summary,
    retry: retryOf(cmd),
  });
}

/**
 * Schedules a service task's activity in the current cancellation scope: named after its task
 * type, on the task's queue, retries from the model, summary = element name; with `local`, a
 * local activity (activity-mode.ts). Resolves with what the activity returned
 * (`taskVariables` reads it), rejects as `taskFailure` reads it.
 */
export function scheduleTaskActivity(
  cmd: ScheduleTask,
  instanceId: string,
  definitionKey: string,
  local = false,
): Promise<unknown> {
  return taskActivities(cmd, local)[cmd.taskType]({
    flowElementInstanceId: cmd.feiId,
    elementId: cmd.elementId,
    elementName: cmd.name,
    taskType: cmd.taskType,
    headers: cmd.headers,
    variables: cmd.variables,
    instanceId,
    definitionKey,
    ...(cmd.attempt !== undefined ? { attempt: cmd.attempt } : {}),
    ...(cmd.callbackAttempt !== undefined
      ? { callbackAttempt: cmd.callbackAttempt, firstRunId: workflowInfo().firstExecutionRunId }
      : {}),
  });
}

/** A task activity's result as variables: an object as is, anything else none (revision < 3). */
export function taskVariables(result: unknown): Variables {
  return result && typeof result === 'object' && !Array.isArray(result)
    ? (result as Variables)
    : {};
}

/**
 * A task activity's result as an outcome. An object is its variables, nothing (`null`,
 * `undefined`) none; with `strict` (revision 3 on) a list or a scalar is a failure saying
 * what came back, where older runs dropped it.
 */
export function taskResult(result: unknown, strict: boolean): Outcome {
  const reserved = strict ? unsafeKeyPath(result) : undefined;
  if (reserved !== undefined)
    return {
      ok: false,
      failure: { message: `the task returned a variable named '${reserved}', a reserved name` },
    };
  if (!strict || result === null || result === undefined || isVariables(result))
    return { ok: true, variables: taskVariables(result) };
  const what = Array.isArray(result)
    ? `a list of ${result.length}`
    : `the ${typeof result} ${JSON.stringify(result).slice(0, 60)}`;
  return {
    ok: false,
    failure: {
      message: `the task returned ${what}, not an object of variables (return {name: value})`,
    },
  };
}

const isVariables = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * How a task activity failed, or undefined when `err` is not a failure of the task (its
 * cancellation, a workflow-side fault): those propagate. A local activity may reject with its
 * own ApplicationFailure instead of an ActivityFailure wrapping it.
 */
export function taskFailure(err: unknown): TaskFailure | undefined {
  // A local activity (revision 5) may reject with the activity's own failure, unwrapped.
  const local = err instanceof ApplicationFailure;
  if (!(err instanceof ActivityFailure || local) || isCancelledFailure(err)) return undefined;
  const cause = local ? err : err.cause;
  if (cause instanceof ApplicationFailure && cause.type === BPMN_ERROR_TYPE) {
    const details = cause.details?.[0] as BpmnErrorDetails | undefined;
    return {
      message: details?.message ?? cause.message,
      errorCode: details?.errorCode ?? cause.message,
    };
  }
  return { message: deepestMessage(err) };
}

/** Runs a service task as an activity inside `scope`. */
export async function startTask(
  scope: CancellationScope,
  cmd: ScheduleTask,
  instanceId: string,
  definitionKey: string,
  strictResults = false,
  local = false,
): Promise<Outcome> {
  try {
    const result = await scope.run(() =>
      scheduleTaskActivity(cmd, instanceId, definitionKey, local),
    );
    return taskResult(result, strictResults);
  } catch (err) {
    const failure = taskFailure(err);
    if (!failure) throw err;
    return { ok: false, failure };
  }
}

/**
 * Resolves the called definition and runs it as a child workflow, with the caller's task queue
 * map (`ProcessWorkflowInput.taskQueues`).
 */
export async function startChildProcess(
  scope: CancellationScope,
  cmd: StartChild,
  taskQueues: Record<string, string> | undefined,
  limit: number,
  mode?: ActivityMode,
): Promise<Outcome> {
  try {
    const variables = await scope.run(async () => {
      const { definition, ir } = await resolveDefinition(cmd.processId, 'bpmn');
      const input: ProcessWorkflowInput = {
        kind: 'bpmn',
        definition,
        ir,
        variables: cmd.variables,
        revision: DRIVER_REVISION,
        ...(taskQueues ? { taskQueues } : {}),
        ...(mode ? { builtinActivityMode: mode } : {}),
        calledFrom: cmd.feiId,
      };
      const tooBig = childInputProblem(cmd.elementId, input, limit);
      if (tooBig !== undefined) throw new ChildInputTooBig(tooBig);
      const result = await executeDefinition<ProcessWorkflowInput, Variables | undefined>(
        definition,
        { kind: 'bpmn', input, summary: ` · called by ${cmd.elementId}` },
      );
      return result ?? {};
    });
    return { ok: true, variables };
  } catch (err) {
    const message = err instanceof ChildInputTooBig ? err.message : childFailure(err);
    if (message === undefined) throw err;
    return { ok: false, failure: { message } };
  }
}

/**
 * A call activity's child process (`startChildProcess`) as the engine event it settles with;
 * it inherits the parent's queue map and built-in activity mode.
 */
export async function childProcessEvent(
  scope: CancellationScope,
  cmd: StartChild,
  parent: ProcessWorkflowInput,
): Promise<EngineEvent> {
  const { taskQueues, builtinActivityMode } = parent;
  const o = await startChildProcess(
    scope,
    cmd,
    taskQueues,
    payloadLimit(parent),
    builtinActivityMode,
  );
  return o.ok
    ? { type: 'childCompleted', feiId: cmd.feiId, variables: o.variables, now: now() }
    : { type: 'childFailed', feiId: cmd.feiId, message: o.failure.message, now: now() };
}

/** A child input over the payload budget (budget.ts): the call activity's incident. */
class ChildInputTooBig extends Error {}
