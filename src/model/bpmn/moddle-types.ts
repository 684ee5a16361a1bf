/**
 * A loose, read-only view of the objects bpmn-moddle builds from the XML. Moddle's generated
 * typings model the whole BPMN metamodel; the compiler only reads a few dozen properties of
 * the BPMN and `zeebe:` types, so one structural interface with optional fields is enough
 * and keeps every access checked for `undefined`.
 */

export interface ModdleElement {
  readonly $type: string;
  readonly $parent?: ModdleElement;
  /** Attributes moddle did not recognise, keyed by their qualified name. */
  readonly $attrs?: Record<string, string>;
  readonly id?: string;
  readonly name?: string;

  // containers
  readonly rootElements?: ModdleElement[];
  readonly flowElements?: ModdleElement[];
  readonly isExecutable?: boolean;
  readonly triggeredByEvent?: boolean;
  readonly extensionElements?: ModdleElement;
  /** `bpmn:ExtensionElements` children, `zeebe:TaskHeaders` headers. */
  readonly values?: ModdleElement[];

  // flow nodes and flows
  readonly sourceRef?: ModdleElement;
  readonly targetRef?: ModdleElement;
  readonly conditionExpression?: ModdleElement;
  readonly default?: ModdleElement;
  readonly attachedToRef?: ModdleElement;
  readonly cancelActivity?: boolean;
  readonly loopCharacteristics?: ModdleElement;
  readonly eventDefinitions?: ModdleElement[];
  readonly messageRef?: ModdleElement;
  readonly errorRef?: ModdleElement;
  readonly errorCode?: string;
  readonly escalationRef?: ModdleElement;
  readonly escalationCode?: string;
  readonly signalRef?: ModdleElement;
  /** `bpmn:StartEvent isInterrupting` (moddle default true). */
  readonly isInterrupting?: boolean;
  /** `bpmn:ConditionalEventDefinition` condition (a `bpmn:FormalExpression`). */
  readonly condition?: ModdleElement;
  /** `zeebe:ConditionalFilter` attributes, comma-separated as written. */
  readonly variableNames?: string;
  readonly variableEvents?: string;
  readonly timeDuration?: ModdleElement;
  readonly timeDate?: ModdleElement;
  readonly timeCycle?: ModdleElement;
  /** Text of a `bpmn:FormalExpression`. */
  readonly body?: string;

  // zeebe extensions
  readonly type?: string;
  readonly retries?: string;
  readonly key?: string;
  readonly value?: string;
  readonly inputParameters?: ModdleElement[];
  readonly outputParameters?: ModdleElement[];
  readonly source?: string;
  readonly target?: string;
  readonly expression?: string;
  readonly resultVariable?: string;
  readonly processId?: string;
  readonly propagateAllChildVariables?: boolean;
  readonly propagateAllParentVariables?: boolean;
  readonly assignee?: string;
  readonly candidateGroups?: string;
  readonly formKey?: string;
  readonly formId?: string;
  readonly dueDate?: string;
  readonly followUpDate?: string;
  readonly priority?: string;
  readonly correlationKey?: string;
  readonly properties?: ModdleElement[];

  // link, compensation, complex gateway, activity quantities
  readonly artifacts?: ModdleElement[];
  readonly activityRef?: ModdleElement;
  readonly waitForCompletion?: boolean;
  readonly activationCondition?: ModdleElement;
  readonly isForCompensation?: boolean;
  readonly startQuantity?: number;
  readonly completionQuantity?: number;
  readonly completionCondition?: ModdleElement;
  readonly ordering?: string;
  readonly cancelRemainingInstances?: boolean;
  readonly activeElementsCollection?: string;
}

/** True when `el` is a moddle object of exactly `type` (e.g. `bpmn:ServiceTask`). */
export function is(el: ModdleElement | undefined, type: string): boolean {
  return el?.$type === type;
}

/** `id` of an element for messages, falling back to its type when it has none. */
export function label(el: ModdleElement): string {
  return el.id ?? el.$type;
}
