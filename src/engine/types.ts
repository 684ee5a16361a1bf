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
  /** Set on the body of a multi-instance or standard loop activity only (loop-body.ts). */
  loop?: LoopBody;
  /** Set on an inner instance of a loop or multi-instance body: its `loopCounter` (1-based). */
  loopCounter?: number;
  /** Job tasks: the request attempt after incident retries (absent = 1); outbound idempotency keys use it. */
  attempt?: number;
}

/**
 * The bookkeeping of a multi-instance or standard loop body (BPMN 2.0 §13.2.2–13.2.3). Its
 * token sits at the activity with feiId `<instanceId>/<elementId>~body/<n>` and owns a scope
 * (id = that feiId) holding the `numberOf…Instances` variables; each inner instance is a token
 * at the same activity inside that scope, with a local scope holding `loopCounter` and the
 * input element.
 */
export interface LoopBody {
  /** Inner instances to run (multi-instance), or the loopMaximum (-1: none) of a standard loop. */
  total: number;
  /** Inner instances started (queued or running) so far. */
  started: number;
  completed: number;
  /** Inner instances cancelled (or never started) because the completion condition held. */
  terminated: number;
  /** The input collection, evaluated once when the body was activated. */
  items?: unknown[];
  /** The output collection, one entry per inner instance (null until it completes). */
  outputs?: unknown[];
  /** The completion condition held, or the loop condition no longer does: start no more. */
  done?: boolean;
}

export interface Scope {
  id: string;
  /** Element id of the subprocess / activity owning this scope; null for the process root. */
  elementId: string | null;
  parentId: string | null;
  variables: Variables;
  /**
   * Set once an interrupting event subprocess started in this scope (its element id): the
   * rest of the scope was cancelled, its event subprocess subscriptions are closed, and
   * nothing but that event subprocess instance runs here any more.
   */
  interruptedBy?: string;
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
  /** Comma-separated, as written in the model or joined from the list an expression gave. */
  candidateGroups?: string;
  candidateUsers?: string;
  formKey?: string;
  /** ISO-8601 date-times (`zeebe:taskSchedule`, or set through the API). */
  dueDate?: string;
  followUpDate?: string;
  /** 0–100, default 50 (`zeebe:priorityDefinition`, Camunda 8). */
  priority?: number;
  /** Variables visible to the task when it opened (inputs applied). */
  variables: Variables;
  createdAt: string;
}

/** What `userTaskUpdated` changes on an open user task; `null` clears a field. */
export interface UserTaskChanges {
  assignee?: string | null;
  dueDate?: string | null;
  followUpDate?: string | null;
  priority?: number;
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

/**
 * A signal subscription: an event subprocess signal start (owner = its scope), a signal
 * boundary (owner = its host), a signal catch (owner = the catch, or the event-based gateway
 * racing it).
 */
export interface SignalSubscription {
  elementId: string;
  /** The owner: a scope id for an event subprocess start, else the waiting element instance. */
  feiId: string;
  name: string;
}

/**
 * A conditional event waiting for its condition to become true (intermediate catch, boundary,
 * event subprocess start), with what it last saw of the variables it watches.
 */
export interface ConditionSubscription {
  /** The conditional event. */
  elementId: string;
  /** The owner: the catch event / boundary host instance, or the scope of an event subprocess. */
  feiId: string;
  /** The scope whose visible variables the condition reads. */
  scopeId: string;
  /** The condition held at the last evaluation (it fires only when it becomes true). */
  held: boolean;
  /** JSON of each watched variable at the last evaluation. */
  seen: Record<string, string>;
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
  /** Open signal subscriptions (absent until the first one). */
  signals?: SignalSubscription[];
  /** Keys of the signals received from outside, most recent last, bounded (dedupe). */
  seenSignalKeys?: string[];
  /** Open conditional event subscriptions (absent until the first one). */
  conditions?: ConditionSubscription[];
  /**
   * Complex gateways waiting for reset (BPMN 2.0 §13.3.5), by `${scopeId}|${gatewayId}`: the
   * incoming flows consumed when it fired (absent until a complex gateway fires).
   */
  complex?: Record<string, { consumed: string[] }>;
  /**
   * Completed compensable activity instances by the scope instance they completed in, in
   * completion order (absent until one completes; only activities with a compensation
   * boundary, and subprocesses holding such records).
   */
  compensable?: Record<string, CompensationRecord[]>;
  /** Open ad-hoc subprocess instances by feiId: elements still to activate (sequential), done. */
  adHoc?: Record<string, { queue: string[]; done?: boolean }>;
  /** Compensation handlers still to run, by the feiId of the throw event waiting for them. */
  compensating?: Record<string, PendingHandler[]>;
}

/** One completed instance of a compensable activity (BPMN 2.0 §13.5.5). */
export interface CompensationRecord {
  elementId: string;
  feiId: string;
  /** A subprocess instance: the compensable records of its content, in completion order. */
  inner?: CompensationRecord[];
}

/** A compensation handler to start, for the completed instance `compensates` (a feiId). */
export interface PendingHandler {
  handlerId: string;
  compensates: string;
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
  /** A signal broadcast from outside the instance (`POST /signals/broadcast`, another instance). */
  | {
      type: 'signalReceived';
      name: string;
      signalKey?: string;
      variables?: Variables;
      now: EpochMs;
    }
  | { type: 'userTaskCompleted'; feiId: string; variables?: Variables; now: EpochMs }
  | { type: 'userTaskUpdated'; feiId: string; changes: UserTaskChanges; now: EpochMs }
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
  /** The child process of a call activity threw an escalation it did not catch. */
  | { type: 'childEscalated'; feiId: string; escalationCode: string; now: EpochMs }
  /** An operator set root-scope variables (`updateVariables`); conditions re-evaluate. */
  | { type: 'variablesUpdated'; variables: Variables; now: EpochMs }
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
      /** Job tasks retried after an incident: the request attempt (absent = 1). */
      attempt?: number;
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
  /**
   * An escalation nothing in this instance caught: the driver passes it to the call activity
   * that started this instance, if any (BPMN 2.0 §10.5.4 escalation through call activities).
   */
  | { type: 'escalate'; escalationCode: string }
  /**
   * A signal thrown in this instance (already delivered here): the driver broadcasts it to
   * the other instances and the signal start events of the deployed definitions.
   */
  | { type: 'broadcastSignal'; name: string; variables: Variables }
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
