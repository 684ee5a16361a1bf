/**
 * The one small interface every element behaviour implements, and the context the engine
 * hands it. A behaviour decides what happens when a token arrives at its element (`enter`)
 * and when an outcome addressed to the element instance comes back (`onEvent`); it acts only
 * through the context (complete, wait by returning, raise an incident, emit a command). The
 * engine owns tokens, scopes, joins, boundary events and the trail.
 */
import type { ElementIR, ElementType, MessageDef, ProcessIR, TimerDef } from '../../model/bpmn/ir';
import type {
  BufferedMessage,
  EngineCommand,
  EngineState,
  EpochMs,
  Incident,
  PendingTimer,
  Token,
  Variables,
} from '../types';

/** An outcome addressed to one element instance. */
export type ElementEvent =
  | { type: 'taskCompleted'; variables: Variables }
  | { type: 'taskFailed'; errorCode?: string; message: string }
  | { type: 'userTaskCompleted'; variables: Variables }
  | { type: 'childCompleted'; variables: Variables }
  | { type: 'childFailed'; message: string }
  /** A timer owned by this element instance fired (catch event, event-based gateway). */
  | { type: 'timer'; timer: PendingTimer }
  /** A message matched a subscription owned by this element instance. */
  | { type: 'message'; elementId: string; variables: Variables }
  /** A signal reached a subscription owned by this element instance. */
  | { type: 'signal'; elementId: string; variables: Variables }
  /** A callback for this element instance was recorded (see `state.callbacks`). */
  | { type: 'callbackReceived' };

export interface CompleteOptions {
  /** Result variables (task result, message payload, user task input…). */
  variables?: Variables;
  /** With output mappings, also propagate every result variable (call activity default). */
  propagateAll?: boolean;
  /** Flows to take; without it the outgoing flows are selected by their conditions. */
  flows?: string[];
  /** Per target element id: the trigger the arriving token carries (event-based gateway). */
  triggers?: Record<string, Variables>;
}

/** What the engine offers a behaviour (implemented by `Run`, runtime.ts). */
export interface EngineContext {
  readonly ir: ProcessIR;
  readonly state: EngineState;
  readonly now: EpochMs;
  emit(command: EngineCommand): void;
  /** Variables visible to the element instance (its local scope first). */
  variables(token: Token): Variables;
  /** Completes the element instance: outputs, trail entry, outgoing flows. */
  complete(token: Token, options?: CompleteOptions): void;
  /** Parks the token in an incident. */
  incident(token: Token, kind: Incident['kind'], message: string): void;
  /** Throws a BPMN error from the element instance (error end event, failed job). */
  throwError(token: Token, errorCode: string, message: string): void;
  /** Cancels the element instance (no trail entry): work, timers, its scope's contents. */
  cancel(token: Token): void;
  /** Ends every other token of the token's scope (terminate end event). */
  terminateScope(token: Token): void;
  /** Starts a timer owned by `token` for `elementId`; false when an incident was raised. */
  startTimer(token: Token, elementId: string, def: TimerDef): boolean;
  /**
   * Opens a message subscription owned by `token` for `elementId`. Returns the buffered
   * message consumed at once, null when now waiting, or false when an incident was raised.
   */
  subscribe(token: Token, elementId: string, def: MessageDef): BufferedMessage | null | false;
  /** Opens a signal subscription owned by `token` for `elementId` (signals.ts delivers it). */
  subscribeSignal(token: Token, elementId: string, name: string): void;
  /** Cancels every timer and subscription owned by the token. */
  disarm(token: Token): void;
  /**
   * Throws an escalation from the element instance; true when it carries on (caught by a
   * non-interrupting catcher, or uncaught), false when an interrupting catcher ended it.
   */
  throwEscalation(token: Token, escalationCode: string): boolean;
  /**
   * Broadcasts a signal inside the instance with the token's local variables; true when the
   * token carries on (false when an interrupting catcher ended it).
   */
  throwSignal(token: Token, signal: string): boolean;
  /**
   * Opens the event subprocess subscriptions of the scope `start` (a start event) begins;
   * false when an expression failed (an incident on `start`).
   */
  openEventSubprocesses(start: Token): boolean;
  /** Once the scope's start event completed: buffered messages, conditions at activation. */
  activateEventSubprocesses(scopeId: string): void;
  /**
   * Waits for a conditional event: true when the condition holds already (nothing opened),
   * else a subscription owned by `token` opens.
   */
  watchCondition(token: Token, elementId: string): boolean;
  /**
   * Starts a token at `elementId` in `scopeId` (a subprocess's start event; a boundary event
   * taken by the element, `trigger` = the variables it carries).
   */
  spawn(scopeId: string, elementId: string, trigger?: Variables): void;
}

export interface ElementBehaviour<E extends ElementIR = ElementIR> {
  /** The element instance always gets its own scope (id = its feiId): subprocesses. */
  ownsScope?: boolean;
  /** Join semantics when the element has more than one incoming flow. */
  join?: 'parallel' | 'inclusive' | 'complex';
  /** A token arrived (joins already satisfied). `trigger` is set when an event already happened. */
  enter(ctx: EngineContext, token: Token, element: E, trigger?: Variables): void;
  /** An outcome addressed to this element instance; ignored when absent. */
  onEvent?(ctx: EngineContext, token: Token, element: E, event: ElementEvent): void;
  /** The incident on the token was retried; default: `enter` again (same feiId). */
  onRetry?(ctx: EngineContext, token: Token, element: E): void;
  /** The element instance is being cancelled (boundary, terminate, error, cancel request). */
  onCancel?(ctx: EngineContext, token: Token, element: E): void;
  /**
   * The element instance's own scope has no token left (a subprocess's content is done, a
   * compensation throw's handler completed); default: complete the element instance.
   */
  onScopeEmpty?(ctx: EngineContext, token: Token, element: E): void;
}

export type BehaviourRegistry = {
  [K in ElementType]: ElementBehaviour<Extract<ElementIR, { type: K }>>;
};
