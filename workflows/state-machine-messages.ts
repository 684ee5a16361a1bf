/**
 * The state-machine workflow's part of the message contract (re-exported by messages.ts, which
 * stays the one file callers import): its input and result, the `trigger` and `setEnabled`
 * signals and the `fireTransition` update.
 */
import { defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Variables } from '../src/engine/types';
import type { MachineState } from '../src/engine/state-machine/types';
import type { StateMachineIR, TriggerType } from '../src/model/state-machine/ir';
import type { RunLimits } from './lifecycle';

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
  /** `historyEvents`: continue-as-new at this history length; `guardEvents`: the history guard. */
  limits?: RunLimits;
  /**
   * `DRIVER_REVISION` when it started (absent: before machines carried it). From 6 on, BPMN
   * actions are carried across continue-as-new (state-machine/carried-actions.ts).
   */
  revision?: number;
  /** Set on continue-as-new: BPMN actions still running, by action id → child workflow id. */
  carriedActions?: Record<string, string>;
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
