/**
 * The one start path every start route takes (`POST /definitions/{key}/instances`,
 * `POST /workflows/run`, `POST /webhook/send`, `POST /state-machines/{code}/events`):
 * derive the workflow id, apply the `Idempotency-Key`, start the workflow (or signal-with-
 * start it) with what the kind's entry in `start-kinds.ts` says, and answer an id that is
 * already taken — by replaying the first answer for the same key, else with a 409.
 *
 * Workflow id: `<key>:<businessKey>`, else `<key>:<uuid>`. With an `Idempotency-Key` and no
 * business key the uuid is derived from the key and its caller, so even two concurrent retries
 * collide on the workflow id and start one instance; the first answer is stored and replayed.
 * Keys are the caller's own (idempotency.ts), and a key reused with another request is a 422.
 */
import { createHash, randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import type { CompiledVersion, Definition } from '../../registry';
import type { ApiDeps } from '../deps';
import { instanceLinks } from '../instance-access';
import { HttpProblem } from '../problem';
import { keyReused, type Idempotency } from './idempotency';
import { checkPayloadBudget } from './start-budget';
import { startKindOf, type StartContext, type WaymarkWorkflowInput } from './start-kinds';

/** What every start answers (the instances route sends it as is; others pick fields). */
export interface StartResponse {
  instanceId: string;
  workflowId: string;
  runId: string;
  definition: { id: string; key: string; version: number };
  links: { self: string; temporalUi: string };
}

export interface StartOutcome {
  response: StartResponse;
  /** true when the answer is the stored one for an `Idempotency-Key` used before. */
  replayed: boolean;
}

/** What to start, resolved once no stored answer applies. */
export type StartPlan = Omit<StartContext, 'def'>;

/** A signal to deliver, starting the instance if it is absent (signal-with-start). */
export interface StartSignal<T = unknown> {
  definition: SignalDefinition<[T]>;
  args: [T];
}

export interface WorkflowStart {
  def: Definition;
  idempotency?: Idempotency;
  /**
   * The version and variables to start with, checked (its refusals are the route's: 409,
   * 400). Called only when no stored answer applies, so a retry is answered with its first
   * instance even when the definition has changed since.
   */
  plan(): Promise<StartPlan>;
  signal?: StartSignal;
}

/** A uuid-shaped id derived from the definition, the caller and the idempotency key. */
function derivedUuid(definitionId: string, idempotency: Idempotency): string {
  const h = createHash('sha256')
    .update(`${definitionId}\n${idempotency.caller}\n${idempotency.key}`)
    .digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Where a caller's idempotency keys for a definition live in the registry. */
const idempotencyScope = (def: Definition, idempotency: Idempotency) =>
  `start:${def.id}:${idempotency.caller}`;

function workflowIdFor(def: Definition, businessKey?: string, idempotency?: Idempotency): string {
  const suffix = businessKey ?? (idempotency ? derivedUuid(def.id, idempotency) : randomUUID());
  return `${def.key}:${suffix}`;
}

/** The stored answer for this key, if any; 422 when the key first came with another request. */
async function storedAnswer(
  deps: ApiDeps,
  def: Definition,
  idempotency: Idempotency,
): Promise<StartOutcome | undefined> {
  const stored = await deps.registry.idempotency.lookup<StartResponse>(
    idempotencyScope(def, idempotency),
    idempotency.key,
  );
  if (!stored) return undefined;
  if (stored.requestHash !== null && stored.requestHash !== idempotency.requestHash)
    throw keyReused(idempotency.key);
  return { response: stored.value, replayed: true };
}

/** Stores the first answer for this key (a concurrent writer's wins) and returns it. */
async function rememberAnswer(
  deps: ApiDeps,
  def: Definition,
  idempotency: Idempotency,
  response: StartResponse,
): Promise<StartResponse> {
  const stored = await deps.registry.idempotency.remember(
    idempotencyScope(def, idempotency),
    idempotency.key,
    response,
    idempotency.requestHash,
  );
  return stored.value;
}

/** The answer for an instance that started (or was found) under `workflowId`. */
function startResponse(
  deps: ApiDeps,
  def: Definition,
  version: CompiledVersion,
  workflowId: string,
  runId: string,
): StartResponse {
  return {
    instanceId: workflowId,
    workflowId,
    runId,
    definition: { id: def.id, key: def.key, version: version.version },
    links: instanceLinks(deps, workflowId),
  };
}

/**
 * What every start of `context` passes Temporal besides its workflow id — queue, input (checked
 * against the payload budget), search attributes, summary, memo. The API's starts and the
 * schedules of timer start events (src/api/schedules) take it from here.
 */
export function startOptions(deps: ApiDeps, context: StartContext, input: WaymarkWorkflowInput) {
  const kind = startKindOf(context.def);
  checkPayloadBudget(deps.config, 'the start input (the compiled model and the variables)', input);
  return {
    taskQueue: deps.config.WAYMARK_TASK_QUEUE,
    args: [input],
    typedSearchAttributes: kind.searchAttributes(context),
    staticSummary: kind.staticSummary(context),
    memo: { definitionKey: context.def.key, definitionVersion: context.version.version },
  };
}

/**
 * With an `Idempotency-Key`, the instance carries which key (derived id) and request started it,
 * so a retry after an API died between Temporal's start and the registry's record of it finds
 * its instance although the workflow id is the business key's (answerTaken).
 */
function startKeyMemo(start: WorkflowStart): Record<string, string> {
  const { idempotency } = start;
  if (!idempotency) return {};
  return {
    startKey: derivedUuid(start.def.id, idempotency),
    startRequest: idempotency.requestHash,
  };
}

/** Starts (or signals-with-start) the instance; returns its run id. */
async function launch(
  deps: ApiDeps,
  start: WorkflowStart,
  context: StartContext,
  workflowId: string,
): Promise<string> {
  const { client } = deps.temporal;
  const kind = startKindOf(context.def);
  const input = await kind.input(deps, context);
  if (start.signal) checkPayloadBudget(deps.config, 'the event', start.signal.args);
  const base = startOptions(deps, context, input);
  const options = {
    workflowId,
    ...base,
    memo: { ...base.memo, ...startKeyMemo(start) },
    ...(kind.workflowIdReusePolicy ? { workflowIdReusePolicy: kind.workflowIdReusePolicy } : {}),
  };
  const { signal } = start;
  if (signal) {
    const handle = await client.workflow.signalWithStart(context.def.key, {
      ...options,
      signal: signal.definition,
      signalArgs: signal.args,
    });
    return handle.signaledRunId;
  }
  const handle = await client.workflow.start(context.def.key, {
    ...options,
    workflowIdConflictPolicy: 'FAIL',
  });
  return handle.firstExecutionRunId;
}

/**
 * The answer when the workflow id is taken: the stored one for this key, the instance a
 * concurrent retry with the same key started (derived id), else 409.
 */
async function answerTaken(
  deps: ApiDeps,
  start: WorkflowStart,
  context: StartContext,
  workflowId: string,
): Promise<StartOutcome> {
  const { def, idempotency } = start;
  if (start.signal)
    throw new HttpProblem(409, `the instance ${workflowId} has finished`, {
      type: 'instance-not-running',
      instanceId: workflowId,
    });
  if (idempotency) {
    const stored = await storedAnswer(deps, def, idempotency);
    if (stored) return stored;
    // A concurrent retry with the same key won the race (derived id), or a first try started
    // the instance and its API died before the registry kept the answer (the memo's key).
    const { runId, memo } = await deps.temporal.client.workflow.getHandle(workflowId).describe();
    const mine = memo?.startKey === derivedUuid(def.id, idempotency);
    if (mine && memo?.startRequest !== idempotency.requestHash) throw keyReused(idempotency.key);
    if (!context.businessKey || mine) {
      const response = startResponse(deps, def, context.version, workflowId, runId);
      return { response: await rememberAnswer(deps, def, idempotency, response), replayed: true };
    }
  }
  throw new HttpProblem(409, startKindOf(def).duplicate(workflowId, context.businessKey), {
    type: 'instance-already-running',
    instanceId: workflowId,
  });
}

/** Starts an instance, or replays the answer a retry with the same `Idempotency-Key` had. */
export async function startWorkflow(deps: ApiDeps, start: WorkflowStart): Promise<StartOutcome> {
  const { def, idempotency } = start;
  if (idempotency) {
    const stored = await storedAnswer(deps, def, idempotency);
    if (stored) return stored;
  }
  const context: StartContext = { def, ...(await start.plan()) };
  const workflowId = workflowIdFor(def, context.businessKey, idempotency);
  let runId: string;
  try {
    runId = await launch(deps, start, context, workflowId);
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    return answerTaken(deps, start, context, workflowId);
  }
  const response = startResponse(deps, def, context.version, workflowId, runId);
  if (!idempotency) return { response, replayed: false };
  return { response: await rememberAnswer(deps, def, idempotency, response), replayed: false };
}
