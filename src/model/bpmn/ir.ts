/**
 * The compiled, JSON-serializable intermediate representation (IR) of a BPMN process.
 *
 * The compiler (`src/model/bpmn`) produces it from Camunda 8 BPMN XML; the engine
 * (`src/engine`) interprets it inside the workflow sandbox. It is plain data: no classes,
 * no functions, no Dates, so it can travel in workflow input and survive continue-as-new.
 * Expressions are FEEL source text without the leading `=`.
 */

/** FEEL source text without the leading `=`. */
export type FeelExpression = string;

/** One `zeebe:input` / `zeebe:output` mapping: evaluate `source`, store at `target`. */
export interface Mapping {
  /** FEEL expression (a static literal from the modeler is compiled to its FEEL literal). */
  source: FeelExpression;
  /** Variable name; dotted names (`customer.id`) write into nested context. */
  target: string;
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

export type ElementType =
  | 'startEvent'
  | 'endEvent'
  | 'task'
  | 'manualTask'
  | 'serviceTask'
  | 'sendTask'
  | 'scriptTask'
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
}

export interface StartEventIR extends ElementBase {
  type: 'startEvent';
  eventKind: 'none';
}

export interface EndEventIR extends ElementBase {
  type: 'endEvent';
  eventKind: 'none' | 'terminate' | 'error' | 'compensate' | 'cancel';
  /** Compensation end events. */
  compensation?: CompensationDef;
  /** For error end events: the `bpmn:Error` errorCode thrown. */
  errorCode?: string;
  errorName?: string;
}

export interface PassThroughTaskIR extends ElementBase {
  type: 'task' | 'manualTask' | 'intermediateThrowEvent';
  /** Throw events: absent = none (models compiled before link and compensation events). */
  eventKind?: 'none' | 'link' | 'compensate';
  /** Link throw: the link name and the id of the one catch event of that name in its scope. */
  link?: { name: string; targetId: string };
  /** Compensation throw. */
  compensation?: CompensationDef;
}

/** Service and send tasks: work done by an activity of type `taskType`. */
export interface JobTaskIR extends ElementBase {
  type: 'serviceTask' | 'sendTask';
  taskType: string;
  /** Task queue from the `taskQueue` task header; absent = the worker's default queue. */
  taskQueue?: string;
  /** `zeebe:taskDefinition retries` (total attempts, Camunda semantics). */
  retries: number;
  /** `zeebe:taskHeaders` as given (values may contain `${…}` templates). */
  headers: Record<string, string>;
}

export interface ScriptTaskIR extends ElementBase {
  type: 'scriptTask';
  expression: FeelExpression;
  resultVariable: string;
}

export interface UserTaskIR extends ElementBase {
  type: 'userTask';
  assignee?: string;
  candidateGroups?: string;
  formKey?: string;
}

export interface ReceiveTaskIR extends ElementBase {
  type: 'receiveTask';
  message: MessageDef;
}

export interface CatchEventIR extends ElementBase {
  type: 'intermediateCatchEvent';
  eventKind: 'timer' | 'message' | 'link';
  timer?: TimerDef;
  message?: MessageDef;
  /** Link catch: the link name (entered only from a link throw of that name). */
  linkName?: string;
}

export interface BoundaryEventIR extends ElementBase {
  type: 'boundaryEvent';
  attachedTo: string;
  /** true = interrupting. */
  cancelActivity: boolean;
  eventKind: 'timer' | 'error' | 'message' | 'compensate' | 'cancel';
  timer?: TimerDef;
  message?: MessageDef;
  /** Error boundary: the errorCode caught; undefined catches every error. */
  errorCode?: string;
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
  | JobTaskIR
  | ScriptTaskIR
  | UserTaskIR
  | ReceiveTaskIR
  | CatchEventIR
  | BoundaryEventIR
  | GatewayIR
  | InclusiveGatewayIR
  | ComplexGatewayIR
  | SubProcessIR
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
  /** The top-level none start event. */
  startEventId: string;
  elements: Record<string, ElementIR>;
  flows: Record<string, FlowIR>;
  /** Start fields the definition marks mandatory (`zeebe:property name="mandatory"`). */
  mandatory: string[];
  parameters: ParameterDecl[];
}
