/**
 * The contract of the engine core: its serializable state, the events fed into it and the
 * commands it returns. The engine is a deterministic step function,
 * `step(ir, state, event) → { state, commands }`, that updates the state it is given in place
 * and never touches Temporal, I/O or a clock: the driver in `workflows/` turns commands into
 * Temporal primitives and feeds their outcomes back as events, each stamped with `now`.
 *
 * Everything here is plain JSON so the state can be queried, carried through
 * continue-as-new and compared in tests.
 */

export type Variables = Record<string, unknown>;

/** Epoch milliseconds, always supplied by the caller (the workflow's deterministic clock). */
export type EpochMs = number;

export interface Token {
  id: string;
  elementId: string;
  /** Scope instance the token lives in (root scope id or a subprocess instance's feiId). */
  scopeId: string;
  /** Flow element instance id of the element the token is at: `<instanceId>/<elementId>/<n>`. */
  feiId: string;
  /** active: in flight or waiting; incident: parked until retried. */
  status: 'active' | 'incident';
  /** The sequence flow the token arrived by (joins need it). */
  arrivedBy?: string;
  since: EpochMs;
  /** Work in flight for this element instance (an activity or a child workflow); drives cancelWork and isQuiescent. */
  work?: 'task' | 'child';
  /**
   * Set while an incident holds a completion whose output mappings or outgoing-flow
   * conditions failed: the result to re-apply when the incident is retried.
   */
  completing?: { variables: Variables; propagateAll?: boolean };
}

export interface Scope {
  id: string;
  /** Element id of the subprocess / activity owning this scope; null for the process root. */
  elementId: string | null;
  parentId: string | null;
  variables: Variables;
}

export interface TrailEntry {
  elementId: string;
  name?: string;
  type: string;
  flowElementInstanceId: string;
  startedAt: string;
  endedAt: string;
}

export interface UserTaskState {
  flowElementInstanceId: string;
  elementId: string;
  name?: string;
  assignee?: string;
  candidateGroups?: string;
  formKey?: string;
  /** Variables visible to the task when it opened (inputs applied). */
  variables: Variables;
  createdAt: string;
}

export interface Incident {
  id: string;
  elementId: string;
  flowElementInstanceId: string;
  message: string;
  /** What failed: a job (activity), a child workflow, an expression, an uncaught error. */
  kind: 'task' | 'child' | 'expression' | 'error' | 'callback';
  createdAt: string;
}

export interface PendingTimer {
  id: string;
  elementId: string;
  /** The element instance the timer belongs to (boundary host, catch event, gateway). */
  feiId: string;
  dueAt: EpochMs;
  /** Remaining repetitions for cycles (R3/PT10S), this pending one included; -1 = unbounded (R/PT10S); undefined = fire once. */
  remaining?: number;
  /** Interval for cycles, in ms. */
  intervalMs?: number;
}

export interface MessageSubscription {
  /** The element waiting (receive task, catch event, message boundary event). */
  elementId: string;
  feiId: string;
  name: string;
  correlationKey?: string;
}

export interface BufferedMessage {
  name: string;
  messageId?: string;
  correlationKey?: string;
  variables: Variables;
  receivedAt: string;
  /** When it expires (its `timeToLive` after it arrived); absent = never (message-buffer.ts). */
  expiresAt?: EpochMs;
  /** JSON bytes of its variables, counted against the buffer's limit. */
  bytes?: number;
}

/** What a callback says: success with data, or an error with a message (and optional code). */
export interface CallbackOutcome {
  outcome: 'success' | 'error';
  /** success: the variables to create or update. */
  data?: Variables;
  /** error: the message (incident message, or variable `errorMessage` on the boundary path). */
  errorMessage?: string;
  /** error: selects an error boundary with this code (a catch-all boundary catches any). */
  errorCode?: string;
}

/** An open callback task element instance (`taskType: 'callback'`), by feiId. */
export interface CallbackWait {
  feiId: string;
  /** Request number: 1, then one more each time an incident retry re-sends the request. */
  attempt: number;
  /** The service acknowledged the request (2xx): the callback is applied once received. */
  acked: boolean;
  /** The first callback received for this attempt (kept until applied; repeats are compared). */
  received?: CallbackOutcome & { fingerprint: string };
}

/** A callback already applied: answers repeats (same fingerprint) and conflicts. */
export interface CallbackRecord {
  feiId: string;
  attempt: number;
  outcome: CallbackOutcome['outcome'];
  fingerprint: string;
}

/** The engine's whole state: plain JSON. */
export interface EngineState {
  instanceId: string;
  status: 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELED';
  rootScopeId: string;
  tokens: Record<string, Token>;
  scopes: Record<string, Scope>;
  /** Join bookkeeping: `${scopeId}|${gatewayId}` → flow ids that delivered a token, in order. */
  joins: Record<string, string[]>;
  /** Visit counter per element id (drives feiIds). */
  visits: Record<string, number>;
  /** Monotonic counter for token, timer and incident ids. */
  seq: number;
  timers: Record<string, PendingTimer>;
  subscriptions: MessageSubscription[];
  messages: BufferedMessage[];
  /** Message ids already accepted (dedupe), most recent last, bounded. */
  seenMessageIds: string[];
  userTasks: Record<string, UserTaskState>;
  incidents: Record<string, Incident>;
  /** Completed elements in completion order (bounded: the oldest are dropped, counted). */
  trail: TrailEntry[];
  trailDropped: number;
  /** When the element instance started, by feiId (for trail entries). */
  startedAt: Record<string, EpochMs>;
  /** Set when the process completed: the root variables. */
  result?: Variables;
  /** Open callback tasks by feiId (absent until the first callback task). */
  callbacks?: Record<string, CallbackWait>;
  /** Applied callbacks, most recent last, bounded (absent until the first one). */
  callbackLog?: CallbackRecord[];
}

export type EngineEvent =
  | { type: 'started'; variables: Variables; now: EpochMs }
  | { type: 'taskCompleted'; feiId: string; variables?: Variables; now: EpochMs }
  | {
      type: 'taskFailed';
      feiId: string;
      /** Set when the handler threw a BPMN error: routed to a matching error boundary. */
      errorCode?: string;
      message: string;
      now: EpochMs;
    }
  | { type: 'timerFired'; timerId: string; now: EpochMs }
  | {
      type: 'messageReceived';
      name: string;
      messageId?: string;
      correlationKey?: string;
      variables?: Variables;
      /** How long (ms) to keep it buffered if nothing waits; 0 = not buffered; absent = no expiry. */
      timeToLive?: number;
      now: EpochMs;
    }
  | { type: 'userTaskCompleted'; feiId: string; variables?: Variables; now: EpochMs }
  | { type: 'childCompleted'; feiId: string; variables?: Variables; now: EpochMs }
  | { type: 'childFailed'; feiId: string; message: string; now: EpochMs }
  | ({
      type: 'callbackReceived';
      feiId: string;
      /** The request attempt the callback URL was issued for. */
      attempt: number;
      now: EpochMs;
    } & CallbackOutcome)
  | { type: 'incidentRetried'; incidentId: string; now: EpochMs }
  | { type: 'cancelRequested'; now: EpochMs };

export type EngineCommand =
  | {
      type: 'scheduleTask';
      feiId: string;
      elementId: string;
      name?: string;
      taskType: string;
      taskQueue?: string;
      /** Total attempts before the failure becomes an incident. */
      retries: number;
      /** Headers with `${…}` templates resolved against the task's variables. */
      headers: Record<string, string>;
      /** The variables the task sees (scope chain + inputs); a callback task: its `data`. */
      variables: Variables;
      /** Callback tasks only: the request attempt its callback URLs are signed for. */
      callbackAttempt?: number;
    }
  | { type: 'startTimer'; timerId: string; elementId: string; name?: string; dueAt: EpochMs }
  | { type: 'cancelTimer'; timerId: string }
  | {
      type: 'startChild';
      feiId: string;
      elementId: string;
      name?: string;
      /** Key of the called definition. */
      processId: string;
      variables: Variables;
    }
  /** Cancel an activity or child workflow in flight (interrupted by a boundary event, terminate…). */
  | { type: 'cancelWork'; feiId: string }
  | { type: 'complete'; variables: Variables }
  | { type: 'fail'; message: string; errorCode?: string };

export interface ActiveElement {
  flowElementInstanceId: string;
  elementId: string;
  name?: string;
  type: string;
  since: string;
  status: 'active' | 'incident';
}
