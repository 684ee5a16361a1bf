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
  UserTaskState,
  Variables,
} from '../src/engine/types';
import type { ProcessIR } from '../src/model/ir';

/** What every Waymark process workflow is started with. */
export interface ProcessWorkflowInput {
  kind: 'bpmn';
  definition: { id: string; key: string; version: number; name?: string };
  /** The compiled IR of the pinned version: replay never depends on the registry. */
  ir: ProcessIR;
  variables: Variables;
  businessKey?: string;
  /** Set on continue-as-new: the engine state to resume from. */
  resume?: EngineState;
  /** Set on continue-as-new: activities / children the previous run held back, started first. */
  deferred?: EngineCommand[];
  /** Number of runs before this one in the same chain (continue-as-new count). */
  generation?: number;
  /** Test and benchmark knobs. `historyEvents`: continue-as-new once history reaches this length. */
  limits?: { historyEvents?: number };
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
}

export interface MessageInput {
  name: string;
  messageId?: string;
  correlationKey?: string;
  variables?: Variables;
}

export interface CompleteUserTaskInput {
  flowElementInstanceId: string;
  variables?: Variables;
}

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
export const instanceQuery = defineQuery<InstanceView>('instance');

/** A message for a waiting receive task / catch event; buffered until one waits; deduped by messageId. */
export const messageSignal = defineSignal<[MessageInput]>('message');

/** Completes an open user task; rejected for unknown or already completed tasks. */
export const completeUserTaskUpdate = defineUpdate<{ completed: string }, [CompleteUserTaskInput]>(
  'completeUserTask',
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
