/**
 * The state-machine core's data: the instance state (plain JSON, carried through
 * continue-as-new), the events fed to it and the commands it answers with. Time comes in with
 * every event (`now`, epoch ms); the core never reads a clock.
 */
import type { TriggerType } from '../../model/state-machine/ir';
import type { EpochMs, Variables } from '../types';

/** What made a transition fire: a trigger type, or the state's timeout. */
export type FiredBy = TriggerType | 'TIMEOUT' | 'START';

export interface MachineTimer {
  id: string;
  kind: 'timeout' | 'poll';
  state: string;
  /** poll: the ON_SCHEDULED_POLL transition re-evaluated when the timer fires. */
  transition?: string;
  dueAt: EpochMs;
}

export interface MachineIncident {
  id: string;
  transition: string;
  message: string;
  createdAt: string;
}

/** One state change (or the start), in order. */
export interface MachineTrailEntry {
  seq: number;
  /** null for the start entry. */
  transition: string | null;
  fromState: string | null;
  toState: string;
  trigger: FiredBy;
  event?: string;
  /** The data the trigger carried. */
  data?: Variables;
  /** The action's child workflow key, when the transition had one. */
  action?: string;
  at: string;
}

/** A transition whose action (child workflow) is running: the state changes when it succeeds. */
export interface PendingAction {
  id: string;
  transition: string;
  trigger: FiredBy;
  event?: string;
  triggerData: Variables;
  /** Instance data + trigger data: the child's input, and the data after success. */
  data: Variables;
  startedAt: EpochMs;
}

export interface MachineState {
  instanceId: string;
  status: 'RUNNING' | 'COMPLETED';
  current: string;
  /** Entries into states so far (ids of timers and state visits). */
  visits: number;
  enteredAt: EpochMs;
  data: Variables;
  /** The definition's enabled flag as this instance last learnt it. */
  enabled: boolean;
  timers: Record<string, MachineTimer>;
  /** Evaluations per ON_SCHEDULED_POLL transition during the current state visit. */
  pollCounts: Record<string, number>;
  /** Timeout transitions that expired while they could not fire (disabled, action running). */
  overdue: string[];
  pendingAction?: PendingAction;
  incidents: MachineIncident[];
  trail: MachineTrailEntry[];
  trailDropped: number;
  /** Counter for action and incident ids. */
  seq: number;
}

export type MachineEvent =
  | {
      type: 'trigger';
      trigger: Exclude<TriggerType, 'ON_SCHEDULED_POLL'>;
      /** ON_EVENT: the event name. */
      event?: string;
      data?: Variables;
      /** MANUAL: the transition asked for; only it is considered. */
      transition?: string;
      /** The definition's flag, when the trigger carries it (the API sends it). */
      enabled?: boolean;
      now: EpochMs;
    }
  | { type: 'timerFired'; timerId: string; now: EpochMs }
  | { type: 'actionCompleted'; actionId: string; data: Variables; now: EpochMs }
  | { type: 'actionFailed'; actionId: string; message: string; now: EpochMs }
  | { type: 'enabledChanged'; enabled: boolean; now: EpochMs };

export type MachineCommand =
  | { type: 'startTimer'; timerId: string; dueAt: EpochMs; summary: string }
  | { type: 'cancelTimer'; timerId: string }
  | { type: 'startAction'; actionId: string; workflow: string; transition: string; data: Variables }
  | { type: 'complete'; state: string; data: Variables };

/** What an event did. */
export type MachineOutcome =
  | { kind: 'fired'; transition: string; fromState: string; toState: string }
  | { kind: 'actionStarted'; transition: string; actionId: string }
  | { kind: 'actionFailed'; transition: string; message: string }
  | { kind: 'none'; reason: string };

export interface MachineStep {
  state: MachineState;
  commands: MachineCommand[];
  outcome: MachineOutcome;
}

/** Why a MANUAL transition cannot fire now (for the Update validator and the 409). */
export interface Refusal {
  type:
    | 'DefinitionDisabled'
    | 'InstanceCompleted'
    | 'TransitionNotFound'
    | 'TransitionNotManual'
    | 'TransitionNotAllowed'
    | 'TransitionDisabled'
    | 'ConditionsFalse'
    | 'ActionRunning';
  message: string;
}
