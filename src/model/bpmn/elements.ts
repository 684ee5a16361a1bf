/**
 * The supported subset of BPMN, as explicit maps: which moddle types compile to which IR
 * element type, and which event definitions each event type may carry. Anything not listed
 * here is reported by the `unsupported-element` rule, never skipped.
 */
import type { ElementType } from './ir';
import type { ModdleElement } from './moddle-types';

/** Moddle type → IR element type. */
export const SUPPORTED_TYPES: Readonly<Record<string, ElementType>> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:Task': 'task',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:SendTask': 'sendTask',
  'bpmn:ScriptTask': 'scriptTask',
  'bpmn:BusinessRuleTask': 'businessRuleTask',
  'bpmn:UserTask': 'userTask',
  'bpmn:ReceiveTask': 'receiveTask',
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent',
  'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
  'bpmn:BoundaryEvent': 'boundaryEvent',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:EventBasedGateway': 'eventBasedGateway',
  'bpmn:ComplexGateway': 'complexGateway',
  'bpmn:SubProcess': 'subProcess',
  'bpmn:Transaction': 'subProcess',
  'bpmn:AdHocSubProcess': 'adHocSubProcess',
  'bpmn:CallActivity': 'callActivity',
};

/** `none` stands for an event without an event definition. */
export type EventKind =
  | 'none'
  | 'timer'
  | 'message'
  | 'error'
  | 'terminate'
  | 'escalation'
  | 'signal'
  | 'conditional'
  | 'link'
  | 'compensate'
  | 'cancel';

const EVENT_KINDS: Readonly<Record<string, EventKind>> = {
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:TerminateEventDefinition': 'terminate',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:ConditionalEventDefinition': 'conditional',
  'bpmn:LinkEventDefinition': 'link',
  'bpmn:CompensateEventDefinition': 'compensate',
  'bpmn:CancelEventDefinition': 'cancel',
};

/** Event type → the event kinds the engine runs for it. */
export const ALLOWED_EVENT_KINDS: Readonly<Record<string, readonly EventKind[]>> = {
  // Message, signal and timer starts only at process level (rule `start-event-required`).
  'bpmn:StartEvent': ['none', 'message', 'signal', 'timer'],
  'bpmn:EndEvent': [
    'none',
    'terminate',
    'error',
    'escalation',
    'signal',
    'compensate',
    'cancel',
    'message',
  ],
  'bpmn:IntermediateThrowEvent': ['none', 'escalation', 'signal', 'link', 'compensate', 'message'],
  'bpmn:IntermediateCatchEvent': ['timer', 'message', 'conditional', 'link', 'signal'],
  'bpmn:BoundaryEvent': [
    'timer',
    'error',
    'message',
    'escalation',
    'conditional',
    'compensate',
    'cancel',
    'signal',
  ],
};

/** The start event kinds of an event subprocess (§10.3.5; Camunda 8 runs all six). */
export const EVENT_SUBPROCESS_START_KINDS: readonly EventKind[] = [
  'timer',
  'message',
  'error',
  'escalation',
  'signal',
  'conditional',
];

/** An event subprocess: a `bpmn:SubProcess` with `triggeredByEvent="true"`. */
export function isEventSubProcess(el: ModdleElement | undefined): boolean {
  return el?.$type === 'bpmn:SubProcess' && el.triggeredByEvent === true;
}

/** Activities: what a boundary event may be attached to. */
export const ACTIVITY_TYPES: ReadonlySet<string> = new Set([
  'bpmn:Task',
  'bpmn:ManualTask',
  'bpmn:ServiceTask',
  'bpmn:SendTask',
  'bpmn:ScriptTask',
  'bpmn:UserTask',
  'bpmn:ReceiveTask',
  'bpmn:BusinessRuleTask',
  'bpmn:SubProcess',
  'bpmn:Transaction',
  'bpmn:AdHocSubProcess',
  'bpmn:CallActivity',
]);

export const GATEWAY_TYPES: ReadonlySet<string> = new Set([
  'bpmn:ExclusiveGateway',
  'bpmn:ParallelGateway',
  'bpmn:InclusiveGateway',
  'bpmn:EventBasedGateway',
  'bpmn:ComplexGateway',
]);

/**
 * The kind of an event: `none`, a supported kind, the moddle type of an unsupported event
 * definition, or `multiple` when it has more than one.
 */
export function eventKindOf(el: ModdleElement): EventKind | 'multiple' | string {
  const defs = el.eventDefinitions ?? [];
  if (defs.length === 0) return 'none';
  if (defs.length > 1) return 'multiple';
  return EVENT_KINDS[defs[0].$type] ?? defs[0].$type;
}

/** The single event definition of `el`, if it has exactly one. */
export function eventDefinitionOf(el: ModdleElement): ModdleElement | undefined {
  const defs = el.eventDefinitions ?? [];
  return defs.length === 1 ? defs[0] : undefined;
}

/** A none start event: a start event without event definitions. */
export function isNoneStart(el: ModdleElement): boolean {
  return el.$type === 'bpmn:StartEvent' && (el.eventDefinitions ?? []).length === 0;
}
