/**
 * The compiled, JSON-serializable intermediate representation (IR) of a BPMN process.
 *
 * The compiler (`src/model/bpmn`) produces it from Camunda 8 BPMN XML; the engine
 * (`src/engine`) interprets it inside the workflow sandbox. It is plain data: no classes,
 * no functions, no Dates, so it can travel in workflow input and survive continue-as-new.
 * Expressions are FEEL source text without the leading `=`.
 */

import type { LoopIR } from './ir-loop';

/** FEEL source text without the leading `=`. */
export type FeelExpression = string;

/** One `zeebe:input` / `zeebe:output` mapping: evaluate `source`, store at `target`. */
export interface Mapping {
  /** FEEL expression (a static literal from the modeler is compiled to its FEEL literal). */
  source: FeelExpression;
  /** Variable name; dotted names (`customer.id`) write into nested context. */
  target: string;
  /**
   * `source` is a `${…}` template, not FEEL: a static (no leading `=`) source with placeholders.
   * Absent in IR compiled before templates were read there (the source was a FEEL literal).
   */
  template?: true;
}

/** A timer definition. `expression` is FEEL when `isFeel`, else an ISO-8601 literal. */
export interface TimerDef {
  kind: 'duration' | 'date' | 'cycle';
  expression: string;
  isFeel: boolean;
}

/** A message a receive task or catch event waits for. */
export interface MessageDef {
  name: string;
  /** FEEL expression, evaluated when the subscription opens; optional for instance-addressed messages. */
  correlationKey?: FeelExpression;
}

/**
 * A conditional event's condition (BPMN 2.0 §10.5.1 Conditional; Camunda 8.9
 * `zeebe:conditionalFilter`): re-evaluated when the variables it watches change.
 */
export interface ConditionDef {
  expression: FeelExpression;
  /** Only changes of these variables re-evaluate it; absent = any visible variable. */
  variableNames?: string[];
  /** Only these kinds of change re-evaluate it; absent = both. */
  variableEvents?: Array<'create' | 'update'>;
}

/** What starts an event subprocess (BPMN 2.0 §10.3.5 "Event Sub-Process", §10.5.2 start events). */
export type EventTrigger =
  | { kind: 'timer'; timer: TimerDef }
  | { kind: 'message'; message: MessageDef }
  /** errorCode undefined = catch-all. */
  | { kind: 'error'; errorCode?: string }
  /** escalationCode undefined = catch-all. */
  | { kind: 'escalation'; escalationCode?: string }
  | { kind: 'signal'; signal: string }
  | { kind: 'conditional'; condition: ConditionDef };

export type ElementType =
  | 'startEvent'
  | 'endEvent'
  | 'task'
  | 'manualTask'
  | 'serviceTask'
  | 'sendTask'
  | 'scriptTask'
  | 'businessRuleTask'
  | 'userTask'
  | 'receiveTask'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'boundaryEvent'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'complexGateway'
  | 'subProcess'
  | 'eventSubProcess'
  | 'adHocSubProcess'
  | 'callActivity';

interface ElementBase {
  id: string;
  /** The BPMN element name, e.g. `bpmn:ServiceTask` (for messages and the trail). */
  bpmnType: string;
  name?: string;
  /** Id of the containing embedded subprocess, or null at process level. */
  parentId: string | null;
  /** Sequence-flow ids, in document order. */
  incoming: string[];
  outgoing: string[];
  /** Default sequence flow (gateways and activities with conditional outgoing flows). */
  defaultFlow?: string;
  /** `zeebe:ioMapping` inputs: create local variables of the element instance. */
  inputs: Mapping[];
  /** `zeebe:ioMapping` outputs: applied on completion, written to the enclosing scope. */
  outputs: Mapping[];
  /** Ids of boundary events attached to this activity, in document order. */
  boundaryEvents: string[];
  /** Multi-instance or standard loop characteristics (activities only); absent = run once. */
  loop?: LoopIR;
  /** A compensation handler (`isForCompensation`): started only by compensation. */
  isForCompensation?: boolean;
}

/**
 * What a compensation throw or end event compensates (BPMN 2.0 §10.5.5): one activity of its
 * scope (`activityRef`) or, without it, every completed activity of the scope.
 */
export interface CompensationDef {
  activityRef?: string;
  /** The event waits until the handlers completed (spec default true). */
  waitForCompletion: boolean;
  /** Thrown inside an event subprocess: the scope around it is compensated (absent: its own). */
  ofParent?: true;
}

export type { LoopIR, MultiInstanceIR, StandardLoopIR } from './ir-loop';

export interface StartEventIR extends ElementBase {
  type: 'startEvent';
  /** `none` for a process or subprocess; an event subprocess's start names its trigger. */
  eventKind: 'none' | EventTrigger['kind'];
}

export interface EndEventIR extends ElementBase {
  type: 'endEvent';
  eventKind: 'none' | 'terminate' | 'error' | 'escalation' | 'signal' | 'compensate' | 'cancel';
  /** Compensation end events. */
  compensation?: CompensationDef;
  /** For error end events: the `bpmn:Error` errorCode thrown. */
  errorCode?: string;
  errorName?: string;
  /** For escalation end events: the `bpmn:Escalation` escalationCode thrown. */
  escalationCode?: string;
  /** For signal end events: the `bpmn:Signal` name broadcast. */
  signal?: string;
}

export interface PassThroughTaskIR extends ElementBase {
  type: 'task' | 'manualTask';
}

/** Intermediate throw events (§10.5.4): none, escalation, signal, link, compensation. */
export interface ThrowEventIR extends ElementBase {
  type: 'intermediateThrowEvent';
  /** Absent = none (models compiled before these throw events). */
  eventKind?: 'none' | 'escalation' | 'signal' | 'link' | 'compensate';
  escalationCode?: string;
  signal?: string;
  /** Link throw: the link name and the id of the one catch event of that name in its scope. */
  link?: { name: string; targetId: string };
  /** Compensation throw. */
  compensation?: CompensationDef;
}

/** Service and send tasks: work done by an activity of type `taskType`. */
export interface JobTaskIR extends ElementBase {
  type: 'serviceTask' | 'sendTask';
  /** The task type; FEEL source when `taskTypeIsFeel` (evaluated when the job is created). */
  taskType: string;
  taskTypeIsFeel?: boolean;
  /** Task queue from the `taskQueue` task header; absent = the worker's default queue. */
  taskQueue?: string;
  /** `zeebe:taskDefinition retries` (total attempts, Camunda semantics). */
  retries: number;
  /** `retries="=expr"`: evaluated when the job is created (then `retries` is the default). */
  retriesExpression?: FeelExpression;
  /** `zeebe:taskHeaders` as given (values may contain `${…}` templates). */
  headers: Record<string, string>;
}

export interface ScriptTaskIR extends ElementBase {
  type: 'scriptTask';
  expression: FeelExpression;
  resultVariable: string;
}

/** `zeebe:calledDecision`: the decision a business rule task evaluates. */
export interface CalledDecisionIR {
  /** The decision id (definition key): static, or FEEL when `decisionIdIsFeel`. */
  decisionId: string;
  decisionIdIsFeel: boolean;
  resultVariable: string;
  /** Camunda binding: the latest deployed version, or the latest one with `versionTag`. */
  bindingType: 'latest' | 'versionTag';
  versionTag?: string;
}

/**
 * Business rule task: a DMN decision Waymark evaluates (`calledDecision`), or, with a
 * `zeebe:taskDefinition`, a job like a service task's (`job`). Exactly one is set.
 */
export interface BusinessRuleTaskIR extends ElementBase {
  type: 'businessRuleTask';
  calledDecision?: CalledDecisionIR;
  job?: Pick<JobTaskIR, 'taskType' | 'taskQueue' | 'retries' | 'headers'>;
}

export interface UserTaskIR extends ElementBase {
  type: 'userTask';
  /** Static values as written. (IR compiled before `expressions` kept `=expr` here, literally.) */
  assignee?: string;
  candidateGroups?: string;
  candidateUsers?: string;
  formKey?: string;
  /** The assignment attributes given as `=expr`, evaluated when the task opens (instead of the static ones). */
  expressions?: Partial<Record<UserTaskAttribute, FeelExpression>>;
  /** `zeebe:formDefinition formId`: a deployed form (kind `form`) linked by its id. */
  formId?: string;
  /** The embedded form (`zeebe:userTaskForm` body the `formKey` names), as JSON text. */
  formJson?: string;
  /** `zeebe:taskSchedule` dueDate / followUpDate and `zeebe:priorityDefinition` as FEEL (static values as FEEL literals). */
  dueDate?: string;
  followUpDate?: string;
  priority?: string;
}

/** The user task assignment attributes Camunda 8 allows as `=expr` (the schedule is always FEEL). */
export type UserTaskAttribute = 'assignee' | 'candidateGroups' | 'candidateUsers';

export interface ReceiveTaskIR extends ElementBase {
  type: 'receiveTask';
  message: MessageDef;
}

export interface CatchEventIR extends ElementBase {
  type: 'intermediateCatchEvent';
  eventKind: 'timer' | 'message' | 'conditional' | 'link' | 'signal';
  timer?: TimerDef;
  message?: MessageDef;
  condition?: ConditionDef;
  /** Signal catch: the `bpmn:Signal` name it waits for (from this or any other instance). */
  signal?: string;
  /** Link catch: the link name (entered only from a link throw of that name). */
  linkName?: string;
}

export interface BoundaryEventIR extends ElementBase {
  type: 'boundaryEvent';
  attachedTo: string;
  /** true = interrupting. */
  cancelActivity: boolean;
  /** The event subprocess trigger kinds (timer … signal), compensation and cancel. */
  eventKind: EventTrigger['kind'] | 'compensate' | 'cancel';
  timer?: TimerDef;
  message?: MessageDef;
  /** Signal boundary: the `bpmn:Signal` name it waits for. */
  signal?: string;
  /** Error boundary: the errorCode caught; undefined catches every error. */
  errorCode?: string;
  /** Escalation boundary: the escalationCode caught; undefined catches every escalation. */
  escalationCode?: string;
  condition?: ConditionDef;
  /** Compensation boundary: the handler activity it is associated with. */
  handlerId?: string;
}

export interface GatewayIR extends ElementBase {
  type: 'exclusiveGateway' | 'parallelGateway' | 'eventBasedGateway';
}

export interface InclusiveGatewayIR extends ElementBase {
  type: 'inclusiveGateway';
  /**
   * For joins (more than one incoming flow): per incoming flow id, the ids of every element
   * (in the same scope) from which that flow can still be reached without passing through this
   * gateway. The join fires when each incoming flow either holds a token or no live token sits
   * on one of its upstream elements (BPMN 2.0 §13.3.4).
   */
  upstream: Record<string, string[]>;
}

/**
 * Complex gateway (BPMN 2.0 §13.3.5). Converging, it fires when `activationCondition` holds
 * (FEEL; reads `activationCount` and `activationCounts`, see src/engine/complex-join.ts), then
 * waits for the other expected tokens (inclusive-join semantics, `upstream` as there) and
 * consumes them without firing again. Diverging, it splits like an inclusive gateway.
 */
export interface ComplexGatewayIR extends ElementBase {
  type: 'complexGateway';
  activationCondition?: FeelExpression;
  upstream: Record<string, string[]>;
}

export interface SubProcessIR extends ElementBase {
  type: 'subProcess';
  startEventId: string;
  /** A transaction subprocess (`bpmn:Transaction`, §10.3.5): cancel end events may end it. */
  transaction?: boolean;
}

/**
 * Ad-hoc subprocess (BPMN 2.0 §10.3.5, Camunda 8.7 `zeebe:adHoc`): its inner elements without
 * incoming flows (`activatable`) are started by the list `activeElements` evaluates to.
 */
export interface AdHocSubProcessIR extends ElementBase {
  type: 'adHocSubProcess';
  /** FEEL: the ids of the inner elements to activate (`activeElementsCollection`). */
  activeElements?: FeelExpression;
  /** FEEL, evaluated after each inner element completes: true completes the subprocess. */
  completionCondition?: FeelExpression;
  /** On completion by the condition, cancel the inner elements still active (default true). */
  cancelRemainingInstances: boolean;
  ordering: 'parallel' | 'sequential';
  activatable: string[];
}

/**
 * Event subprocess (`bpmn:SubProcess triggeredByEvent="true"`, §10.3.5): no flows in or out;
 * started by its one start event's trigger while its enclosing scope runs.
 */
export interface EventSubProcessIR extends ElementBase {
  type: 'eventSubProcess';
  startEventId: string;
  /** The start event's `isInterrupting` (error starts always interrupt). */
  interrupting: boolean;
  trigger: EventTrigger;
}

export interface CallActivityIR extends ElementBase {
  type: 'callActivity';
  /** Key (process id) of the called definition: static, or FEEL when `processIdIsFeel`. */
  processId: string;
  processIdIsFeel: boolean;
  /** `zeebe:calledElement propagateAllChildVariables` (default true). */
  propagateAllChildVariables: boolean;
  /** `propagateAllParentVariables` (default true): without it only the inputs are passed. */
  propagateAllParentVariables: boolean;
}

export type ElementIR =
  | StartEventIR
  | EndEventIR
  | PassThroughTaskIR
  | ThrowEventIR
  | JobTaskIR
  | ScriptTaskIR
  | BusinessRuleTaskIR
  | UserTaskIR
  | ReceiveTaskIR
  | CatchEventIR
  | BoundaryEventIR
  | GatewayIR
  | InclusiveGatewayIR
  | ComplexGatewayIR
  | SubProcessIR
  | EventSubProcessIR
  | AdHocSubProcessIR
  | CallActivityIR;

export interface FlowIR {
  id: string;
  name?: string;
  sourceId: string;
  targetId: string;
  /** FEEL condition; absent = unconditional. */
  condition?: FeelExpression;
}

/** A process-level start event with a trigger: where an event-started instance begins. */
export type ProcessStartIR = { elementId: string } & (
  | { kind: 'message'; message: MessageDef }
  | { kind: 'signal'; signal: string }
  | { kind: 'timer'; timer: TimerDef }
);

/** A declared start parameter (`zeebe:property` on the process). */
export interface ParameterDecl {
  name: string;
  type: 'string' | 'number' | 'boolean' | 'object' | 'any';
  required: boolean;
}

export interface ProcessIR {
  kind: 'bpmn';
  /** The BPMN process id: the definition key and the Temporal workflow type. */
  processId: string;
  name?: string;
  /** The top-level none start event; '' when the process starts only by events. */
  startEventId: string;
  /**
   * The top-level start events with a trigger (BPMN 2.0 §10.5.2; Camunda 8 runs message,
   * signal and timer starts): a publication, a broadcast or a schedule starts an instance at
   * one of them (`ProcessWorkflowInput.startAt`). Absent in IRs compiled before they existed.
   */
  startEvents?: ProcessStartIR[];
  elements: Record<string, ElementIR>;
  flows: Record<string, FlowIR>;
  /** Start fields the definition marks mandatory (`zeebe:property name="mandatory"`). */
  mandatory: string[];
  parameters: ParameterDecl[];
}
