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
import type { MachineState } from '../src/engine/state-machine/types';
import type { StateMachineIR, TriggerType } from '../src/model/state-machine/ir';

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
  /** Fail the workflow at the first incident instead of parking (state-machine actions). */
  failOnIncident?: boolean;
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
  /** State machines: the current state and whether the instance evaluates transitions. */
  state?: string;
  enabled?: boolean;
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

/** What every Waymark state-machine workflow is started with. */
export interface StateMachineWorkflowInput {
  kind: 'state-machine';
  definition: { id: string; key: string; version: number; name?: string };
  /** The compiled IR of the pinned version. */
  ir: StateMachineIR;
  /** The instance data to start with (the creating event's data). */
  variables: Variables;
  /** PER_RECORD: the record id; PER_RUN: the run id (the workflow id is `<code>:<it>`). */
  businessKey?: string;
  /** The definition's enabled flag when the instance was started. */
  enabled?: boolean;
  /** Set on continue-as-new: the state to resume from. */
  resume?: MachineState;
  generation?: number;
  /** Test knob: continue-as-new once history reaches this length. */
  limits?: { historyEvents?: number };
}

/** What a finished state machine returns. */
export interface StateMachineResult {
  state: string;
  data: Variables;
}

export interface TriggerInput {
  trigger: Exclude<TriggerType, 'ON_SCHEDULED_POLL' | 'MANUAL'>;
  event?: string;
  data?: Variables;
  /** The definition's enabled flag as the sender saw it; the instance adopts it. */
  enabled?: boolean;
}

export interface FireTransitionInput {
  code: string;
  data?: Variables;
}

export interface FireTransitionResult {
  instanceId: string;
  transition: string;
  previousState: string;
  state: string;
}

/** A trigger (ON_IMPORT, ON_EXPORT, ON_WEBHOOK, ON_EVENT) for a state machine. */
export const triggerSignal = defineSignal<[TriggerInput]>('trigger');

/** The definition was enabled or disabled: a disabled instance evaluates no transitions. */
export const setEnabledSignal = defineSignal<[{ enabled: boolean }]>('setEnabled');

/**
 * Fires a MANUAL transition; rejected (with the reason) when it is not allowed from the
 * current state, disabled, or its conditions are false; fails when its action fails.
 */
export const fireTransitionUpdate = defineUpdate<FireTransitionResult, [FireTransitionInput]>(
  'fireTransition',
);
