/**
 * Every signal, query and update a Waymark workflow answers, and the workflow input: the
 * contract between the interpreter workflow and its callers (API, CLI, tests). Names end in
 * Signal / Query / Update; the API imports this file and nothing else from `workflows/`.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  ActiveElement,
  EngineCommand,
  EngineState,
  Incident,
  TrailEntry,
  UserTaskChanges,
  UserTaskState,
  Variables,
} from '../src/engine/types';
import type { ProcessIR } from '../src/model/bpmn/ir';
import type { ActivityMode } from '../src/model/activity-mode';
import type { WebhookEventName } from '../activities/webhook-delivery';

export type { WebhookEventName } from '../activities/webhook-delivery';
export type { UserTaskChanges } from '../src/engine/types';
import type { IntegrationIR } from '../src/model/integration/ir';
import type { RunLimits } from './lifecycle';

export * from './state-machine-messages';

export { DRIVER_REVISION } from './driver-revision';

/** What every Waymark process workflow is started with. */
export interface ProcessWorkflowInput {
  kind: 'bpmn';
  definition: { id: string; key: string; version: number; name?: string };
  /** The compiled IR of the pinned version: replay never depends on the registry. */
  ir: ProcessIR;
  variables: Variables;
  businessKey?: string;
  /**
   * The start event an event-started instance begins at (a message, signal or timer start
   * event of the IR's `startEvents`); absent: the none start event.
   */
  startAt?: string;
  /** The publication that started this instance at a message start event (key-release.ts). */
  startedByMessage?: string;
  /** Set on continue-as-new: the engine state to resume from. */
  resume?: EngineState;
  /** Set on continue-as-new: activities / children the previous run held back, started first. */
  deferred?: EngineCommand[];
  /** Number of runs before this one in the same chain (continue-as-new count). */
  generation?: number;
  /**
   * Set on continue-as-new by a driver that publishes under the current rules: the search
   * attributes this run starts with (carried over) are what the previous run published, and it
   * keeps the current rules (workflows/process/revisions.ts `publishRules`). Continuations
   * written by older code lack it and keep the older rules, so their histories replay unchanged.
   */
  publishedAtStart?: true;
  /**
   * The driver revision the instance started under (`DRIVER_REVISION` at the time; absent = 1),
   * carried across continue-as-new. Behaviour that changes for running instances keys on it.
   */
  revision?: number;
  /**
   * The configured task type → queue map (`WAYMARK_TASK_QUEUES`) at start, carried to called
   * processes and across continue-as-new; absent when none is configured.
   */
  taskQueues?: Record<string, string>;
  /**
   * The configured mode of built-in tasks (`WAYMARK_BUILTIN_ACTIVITY_MODE`) at start, for tasks
   * without a `waymark.activityMode` header (revision 5); absent = local. Carried like
   * `taskQueues`.
   */
  builtinActivityMode?: ActivityMode;
  /** The case this run belongs to (`POST /workflows/run`); also in search attribute WaymarkCaseId. */
  caseId?: string;
  /**
   * Webhook events some subscription wanted when the instance started. Absent (every instance
   * started before webhooks existed, or with no subscription): no delivery, no extra history.
   */
  notify?: WebhookEventName[];
  /**
   * `historyEvents`, `guardEvents`: see RunLimits (config, test and benchmark knobs).
   * `payloadBytes`: the payload budget (WAYMARK_PAYLOAD_LIMIT when it is not the default).
   */
  limits?: RunLimits & { payloadBytes?: number };
  /** Fail the workflow at the first incident instead of parking (state-machine actions). */
  failOnIncident?: boolean;
  /**
   * Set when a call activity started this instance: its flowElementInstanceId in the parent,
   * to which an escalation this instance does not catch is signalled (`escalationSignal`).
   */
  calledFrom?: string;
  /**
   * A call activity's child (revision 3): the parent's workflow id and the call activity's
   * feiId, signalled (`childDoneSignal`) when this instance ends (process/carried-children.ts).
   */
  reportTo?: { workflowId: string; feiId: string };
  /** Set on continue-as-new: call activities still running, by feiId → child workflow id. */
  carriedChildren?: Record<string, string>;
}

/**
 * A run continuing as new under revision 3 or later: everything but the IR, which the run loads
 * by reference (workflows/process/ir-ref.ts) — the pinned definition version and a hash of its IR.
 */
export type ProcessContinuation = Omit<ProcessWorkflowInput, 'ir'> & {
  irRef: { definitionId: string; version: number; hash: string };
};

/** Input of the `waymark.notify` workflow: one event to deliver to every subscription. */
export interface NotifyWorkflowInput {
  kind: 'notify';
  event: WebhookEventName;
  /** ISO-8601 time of the event (workflow time). */
  occurredAt: string;
  data: Record<string, unknown>;
}

/** The workflow type of the delivery workflow started per event. */
export const NOTIFY_WORKFLOW_TYPE = 'waymark.notify';

/** What an integration workflow is started with (standalone or as a BPMN task's child). */
export interface IntegrationWorkflowInput {
  kind: 'integration';
  definition: { id: string; key: string; version: number; name?: string };
  /** The compiled IR of the pinned version. */
  ir: IntegrationIR;
  /** The declared inputs (checked again at start: a bad input fails the workflow). */
  variables: Variables;
  businessKey?: string;
}

/** The instance as the API shows it. */
export interface InstanceView {
  status: EngineState['status'];
  variables: Variables;
  activeElements: ActiveElement[];
  incidents: Incident[];
  userTasks: UserTaskState[];
  trail: TrailEntry[];
  trailDropped: number;
  result?: Variables;
  generation: number;
  /** Why the instance failed (integration workflows). */
  error?: string;
  /** State machines: the current state and whether the instance evaluates transitions. */
  state?: string;
  enabled?: boolean;
}

export interface MessageInput {
  name: string;
  messageId?: string;
  correlationKey?: string;
  variables?: Variables;
  /** Buffered for this long (ms) when nothing waits yet; 0 = never buffered; absent = no expiry. */
  timeToLive?: number;
}

export interface CompleteUserTaskInput {
  flowElementInstanceId: string;
  variables?: Variables;
  /** The user completing it: rejected (`USER_TASK_ASSIGNED`) when the task has another assignee. */
  user?: string;
}

/** Claim / assign (`assignee`) or unassign (`null`) an open user task. */
export interface AssignUserTaskInput {
  flowElementInstanceId: string;
  assignee: string | null;
  /** Assign although someone else holds the task (without it: rejected, `USER_TASK_ASSIGNED`). */
  allowOverride?: boolean;
}

/** New due / follow-up date (ISO-8601; null clears) or priority of an open user task. */
export interface UpdateUserTaskInput {
  flowElementInstanceId: string;
  changes: UserTaskChanges;
}

/** Failure type of user-task updates refused because someone else holds the task (API: 409). */
export const USER_TASK_ASSIGNED = 'UserTaskAssigned';

export interface RetryIncidentInput {
  incidentId: string;
}

/** A callback for a callback task, as the API hands it over (after checking its signature). */
export interface CallbackUpdateInput {
  flowElementInstanceId: string;
  /** The request attempt the callback URL was signed for. */
  attempt: number;
  outcome: 'success' | 'error';
  /** success: the variables to create or update. */
  data?: Variables;
  /** error: the incident message / variable `errorMessage` on the error boundary path. */
  errorMessage?: string;
  /** error: selects an error boundary with this code. */
  errorCode?: string;
}

export interface CallbackUpdateResult {
  flowElementInstanceId: string;
  /** True when this repeated a callback already received (nothing changed). */
  duplicate: boolean;
}

/** Failure types the callback update is rejected with (the API maps them to 404 / 409). */
export const CALLBACK_NOT_FOUND = 'CallbackNotFound';
export const CALLBACK_CONFLICT = 'CallbackConflict';

/** The instance as the API shows it: status, variables, active elements, incidents, trail. */
/**
 * The instance as the API shows it: status, variables, active elements, incidents, trail.
 * Answered by both kinds: integration workflows fill it with their nodes (trail = nodes visited).
 */
export const instanceQuery = defineQuery<InstanceView>('instance');

/** How a call activity's child ended, as it reports to its parent (`childDoneSignal`). */
export interface ChildDoneInput {
  feiId: string;
  childWorkflowId: string;
  outcome: { ok: true; variables?: Variables } | { ok: false; message: string };
}

/** A call activity's child ended (revision 3): the parent's run that carries it settles it. */
export const childDoneSignal = defineSignal<[ChildDoneInput]>('childDone');

/** A message for a waiting receive task / catch event; buffered until one waits; deduped by messageId. */
export const messageSignal = defineSignal<[MessageInput]>('message');

/**
 * A signal broadcast to this instance (`POST /signals/broadcast`, or a signal thrown in another
 * instance): it reaches every open signal subscription of that name; a repeated `signalKey`
 * is dropped (revision 4: only such instances publish `WaymarkSignals` and are found).
 */
export interface SignalEventInput {
  signalKey: string;
  name: string;
  variables?: Variables;
}

export const signalEventSignal = defineSignal<[SignalEventInput]>('signalEvent');

/** What `waymark.broadcastSignal` (and `POST /signals/broadcast`) is asked to broadcast. */
export interface SignalBroadcastInput {
  signalName: string;
  variables?: Variables;
  /** Identifies the broadcast: instances drop a repeat, starts are idempotent under it. */
  signalKey: string;
  /** The instance that threw the signal (it delivered the signal to itself already). */
  excludeWorkflowId?: string;
}

/** How far a broadcast went: instances signalled, instances started by signal start events. */
export interface SignalBroadcastResult {
  signalKey: string;
  reached: number;
  started: number;
}

/** What a child process tells its parent's call activity: an escalation it did not catch. */
export interface EscalationInput {
  /** The call activity's flowElementInstanceId in the parent (`calledFrom`). */
  flowElementInstanceId: string;
  escalationCode: string;
}

/**
 * An escalation thrown in a child process and caught nowhere there: the call activity in the
 * parent throws it on (BPMN 2.0 §10.5.4), to its escalation boundary events and beyond.
 */
export const escalationSignal = defineSignal<[EscalationInput]>('escalation');

/** Completes an open user task; rejected for unknown or already completed tasks. */
export const completeUserTaskUpdate = defineUpdate<{ completed: string }, [CompleteUserTaskInput]>(
  'completeUserTask',
);

/** Claims, assigns or unassigns an open user task (the task as it is now is returned). */
export const assignUserTaskUpdate = defineUpdate<UserTaskState, [AssignUserTaskInput]>(
  'assignUserTask',
);

/** Changes an open user task's due date, follow-up date or priority. */
export const updateUserTaskUpdate = defineUpdate<UserTaskState, [UpdateUserTaskInput]>(
  'updateUserTask',
);

/** Resolves an incident by retrying its element; rejected for unknown incidents. */
export const retryIncidentUpdate = defineUpdate<{ retried: string }, [RetryIncidentInput]>(
  'retryIncident',
);

/**
 * Delivers a callback to a waiting (or not yet acknowledged) callback task; an identical repeat
 * is accepted as a no-op; rejected for unknown element instances and conflicting outcomes.
 */
export const callbackUpdate = defineUpdate<CallbackUpdateResult, [CallbackUpdateInput]>('callback');

/** What a callback would do now (`accept`, `duplicate`, `unknown`, `conflict`): for closed instances. */
export const callbackStatusQuery = defineQuery<
  { status: 'accept' | 'duplicate' | 'unknown' | 'conflict'; reason?: string },
  [CallbackUpdateInput]
>('callbackStatus');

/** New values for root-scope variables of a running BPMN instance (`PATCH …/variables`). */
export interface UpdateVariablesInput {
  variables: Variables;
}

/** What `updateVariables` answers: the root scope's variables after the merge. */
export interface UpdateVariablesResult {
  variables: Variables;
}

/** Failure types of a refused variables update: bad input (API: 400), engine closed (API: 409). */
export const VARIABLES_REJECTED = 'VariablesRejected';
export const INSTANCE_CLOSED = 'InstanceClosed';

/**
 * Merges variables into the root scope of a running BPMN instance (an operator's correction);
 * the validator rejects a non-object or empty `variables`, reserved names and a closed instance.
 */
export const updateVariablesUpdate = defineUpdate<UpdateVariablesResult, [UpdateVariablesInput]>(
  'updateVariables',
);
