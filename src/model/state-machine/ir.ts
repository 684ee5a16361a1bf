/**
 * The compiled, JSON-serializable IR of a state machine: what the state-machine core
 * (`src/engine/state-machine`) interprets inside the workflow sandbox. Plain data only, so it
 * travels in workflow input and survives continue-as-new. Conditions are FEEL source text.
 */

export const triggerTypes = [
  'MANUAL',
  'ON_IMPORT',
  'ON_EXPORT',
  'ON_WEBHOOK',
  'ON_SCHEDULED_POLL',
  'ON_EVENT',
] as const;

export type TriggerType = (typeof triggerTypes)[number];

export type InstanceMode = 'PER_RECORD' | 'PER_RUN';

export interface StateIR {
  code: string;
  description?: string;
  isFinal: boolean;
  /** Hours (fractional allowed) the instance may stay before `onTimeoutTransition` fires. */
  timeoutHours?: number;
  onTimeoutTransition?: string;
}

export interface TransitionIR {
  code: string;
  description?: string;
  fromState: string;
  toState: string;
  triggerType: TriggerType;
  enabled: boolean;
  /** FEEL conditions (without `=`); all must be `true` for the transition to fire. */
  conditions: string[];
  /** ON_SCHEDULED_POLL: seconds between evaluations while the instance is in `fromState`. */
  pollIntervalSeconds?: number;
  /** ON_EVENT: the event name the transition answers to. */
  eventName?: string;
  /** A definition (by key) run as a child workflow; the transition completes only if it succeeds. */
  action?: { workflow: string };
}

export interface StateMachineIR {
  kind: 'state-machine';
  code: string;
  description?: string;
  initialState: string;
  enabled: boolean;
  instanceMode: InstanceMode;
  /** States by code, and their codes in definition order. */
  states: Record<string, StateIR>;
  stateOrder: string[];
  /** In definition order: the order in which a trigger evaluates them. */
  transitions: TransitionIR[];
}
