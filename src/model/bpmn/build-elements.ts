/**
 * Builds the IR of one flow node, one builder per IR element type in an explicit map. The
 * builders run only after every rule passed, so they may rely on what the rules check
 * (task types, scripts, messages, error codes) and only fill in defaults.
 */
import { userTaskExtras } from './user-task-extras';
import { calledElementOf } from './called-element';
import type {
  ElementIR,
  ElementType,
  EventSubProcessIR,
  JobTaskIR,
  EventTrigger,
  MessageDef,
  PassThroughTaskIR,
  TimerDef,
} from './ir';
import {
  conditionOf,
  escalationCodeOf,
  signalOf,
  startEventKind,
  throwEventKind,
} from './build-events';
import { eventDefinitionOf, eventKindOf, isEventSubProcess, isNoneStart } from './elements';
import { readSource, toFeel } from './feel-source';
import type { Located } from './model';
import type { ModdleElement } from './moddle-types';
import { businessRuleTask } from './build-business-rule-task';
import { messagePublication, publishesItself } from './build-message-throw';
import {
  compensationHandlerOf,
  compensationOf,
  linkNameOf,
  linkTargetOf,
} from './link-compensation';
import { inclusiveUpstream } from './upstream';
import { userTaskAttributes } from './user-task-attributes';
import { extension, taskHeaders } from './zeebe';

/** The fields every element shares. */
export type ElementBaseIR = Omit<PassThroughTaskIR, 'type'>;

type Builder = (node: Located, base: ElementBaseIR) => ElementIR;

const DEFAULT_RETRIES = 3;

export const BUILDERS: Readonly<Record<ElementType, Builder>> = {
  startEvent: ({ element }, base) => ({
    ...base,
    type: 'startEvent',
    eventKind: startEventKind(element),
  }),
  endEvent: (node, base) => {
    const { element } = node;
    const kind = eventKindOf(element);
    if (kind === 'message')
      return publishesItself(node)
        ? messagePublication(node, base, messageOf)
        : jobTask(node, base, 'sendTask');
    if (kind === 'escalation' || kind === 'signal')
      return { ...base, type: 'endEvent', ...throwEventKind(element) };
    if (kind === 'compensate')
      return { ...base, type: 'endEvent', eventKind: kind, compensation: compensationOf(element) };
    if (kind === 'cancel') return { ...base, type: 'endEvent', eventKind: kind };
    if (kind !== 'error')
      return { ...base, type: 'endEvent', eventKind: kind === 'terminate' ? 'terminate' : 'none' };
    const error = eventDefinitionOf(element)?.errorRef;
    return {
      ...base,
      type: 'endEvent',
      eventKind: 'error',
      errorCode: error?.errorCode?.trim(),
      ...optional('errorName', error?.name),
    };
  },
  task: (_n, base) => ({ ...base, type: 'task' }),
  manualTask: (_n, base) => ({ ...base, type: 'manualTask' }),
  intermediateThrowEvent: (node, base) => throwEvent(node, base),
  serviceTask: (n, base) => jobTask(n, base, 'serviceTask'),
  sendTask: (n, base) =>
    publishesItself(n) && n.element.messageRef
      ? messagePublication(n, base, messageOf)
      : jobTask(n, base, 'sendTask'),
  scriptTask: ({ element }, base) => {
    const script = extension(element, 'zeebe:Script');
    return {
      ...base,
      type: 'scriptTask',
      expression: readSource(script?.expression ?? '').text,
      resultVariable: script?.resultVariable?.trim() ?? '',
    };
  },
  businessRuleTask: (n, base) =>
    businessRuleTask(n, base, () => jobTask(n, base, 'serviceTask') as JobTaskIR),
  userTask: ({ element }, base) => {
    const form = extension(element, 'zeebe:FormDefinition');
    return {
      ...base,
      type: 'userTask',
      ...userTaskAttributes(element),
      ...optional('formKey', form?.formKey ?? form?.formId),
      ...userTaskExtras(element),
    };
  },
  receiveTask: ({ element }, base) => ({
    ...base,
    type: 'receiveTask',
    message: messageOf(element.messageRef),
  }),
  intermediateCatchEvent: ({ element }, base) => {
    const def = eventDefinitionOf(element);
    if (eventKindOf(element) === 'conditional')
      return {
        ...base,
        type: 'intermediateCatchEvent',
        eventKind: 'conditional',
        condition: conditionOf(def),
      };
    if (eventKindOf(element) === 'signal')
      return {
        ...base,
        type: 'intermediateCatchEvent',
        eventKind: 'signal',
        signal: signalOf(def),
      };
    if (eventKindOf(element) === 'link')
      return {
        ...base,
        type: 'intermediateCatchEvent',
        eventKind: 'link',
        linkName: linkNameOf(element),
      };
    return eventKindOf(element) === 'timer'
      ? { ...base, type: 'intermediateCatchEvent', eventKind: 'timer', timer: timerOf(def) }
      : {
          ...base,
          type: 'intermediateCatchEvent',
          eventKind: 'message',
          message: messageOf(def?.messageRef),
        };
  },
  boundaryEvent: ({ element }, base) => {
    const def = eventDefinitionOf(element);
    const kind = eventKindOf(element);
    const common = {
      ...base,
      type: 'boundaryEvent' as const,
      attachedTo: element.attachedToRef?.id ?? '',
      cancelActivity: element.cancelActivity !== false,
    };
    if (kind === 'timer') return { ...common, eventKind: 'timer', timer: timerOf(def) };
    if (kind === 'message')
      return { ...common, eventKind: 'message', message: messageOf(def?.messageRef) };
    if (kind === 'escalation')
      return { ...common, eventKind: 'escalation', ...escalationCodeOf(def) };
    if (kind === 'conditional')
      return { ...common, eventKind: 'conditional', condition: conditionOf(def) };
    if (kind === 'signal') return { ...common, eventKind: 'signal', signal: signalOf(def) };
    if (kind === 'cancel') return { ...common, cancelActivity: true, eventKind: 'cancel' };
    if (kind === 'compensate')
      return {
        ...common,
        cancelActivity: false,
        eventKind: 'compensate',
        handlerId: compensationHandlerOf(element),
      };
    return {
      ...common,
      cancelActivity: true,
      eventKind: 'error',
      ...optional('errorCode', def?.errorRef?.errorCode),
    };
  },
  exclusiveGateway: (_n, base) => ({ ...base, type: 'exclusiveGateway' }),
  parallelGateway: (_n, base) => ({ ...base, type: 'parallelGateway' }),
  eventBasedGateway: (_n, base) => ({ ...base, type: 'eventBasedGateway' }),
  inclusiveGateway: (n, base) => ({
    ...base,
    type: 'inclusiveGateway',
    upstream: base.incoming.length > 1 ? inclusiveUpstream(n) : {},
  }),
  subProcess: ({ element }, base) =>
    isEventSubProcess(element)
      ? buildEventSubProcess(element, base)
      : {
          ...base,
          type: 'subProcess',
          startEventId: (element.flowElements ?? []).find(isNoneStart)?.id ?? '',
          ...(element.$type === 'bpmn:Transaction' ? { transaction: true } : {}),
        },
  // `bpmn:SubProcess` maps to `subProcess`, whose builder tells the two apart.
  eventSubProcess: ({ element }, base) => buildEventSubProcess(element, base),
  complexGateway: (n, base) => {
    const condition = n.element.activationCondition?.body;
    return {
      ...base,
      type: 'complexGateway',
      ...(condition?.trim() ? { activationCondition: readSource(condition).text } : {}),
      upstream: base.incoming.length > 1 ? inclusiveUpstream(n) : {},
    };
  },
  adHocSubProcess: ({ element }, base) => {
    const active = extension(element, 'zeebe:AdHoc')?.activeElementsCollection;
    const completion = element.completionCondition?.body;
    return {
      ...base,
      type: 'adHocSubProcess',
      ...(active?.trim() ? { activeElements: readSource(active).text } : {}),
      ...(completion?.trim() ? { completionCondition: readSource(completion).text } : {}),
      cancelRemainingInstances: element.cancelRemainingInstances !== false,
      ordering: element.ordering === 'Sequential' ? 'sequential' : 'parallel',
      activatable: (element.flowElements ?? [])
        .filter((n) => isActivatable(n, element))
        .flatMap((n) => (n.id ? [n.id] : [])),
    };
  },
  callActivity: ({ element }, base) => {
    const called = extension(element, 'zeebe:CalledElement');
    const processId = readSource(calledElementOf(element)?.raw ?? '');
    return {
      ...base,
      type: 'callActivity',
      processId: processId.isFeel ? processId.text : processId.text.trim(),
      processIdIsFeel: processId.isFeel,
      propagateAllChildVariables: called?.propagateAllChildVariables !== false,
      propagateAllParentVariables: called?.propagateAllParentVariables !== false,
    };
  },
};

/** An event subprocess: its one start event's trigger and `isInterrupting` (§10.3.5). */
function buildEventSubProcess(element: ModdleElement, base: ElementBaseIR): EventSubProcessIR {
  const start = (element.flowElements ?? []).find((e) => e.$type === 'bpmn:StartEvent');
  const def = start ? eventDefinitionOf(start) : undefined;
  const kind = start ? startEventKind(start) : 'none';
  let trigger: EventTrigger;
  if (kind === 'timer') trigger = { kind, timer: timerOf(def) };
  else if (kind === 'message') trigger = { kind, message: messageOf(def?.messageRef) };
  else if (kind === 'error') trigger = { kind, ...optional('errorCode', def?.errorRef?.errorCode) };
  else if (kind === 'escalation') trigger = { kind, ...escalationCodeOf(def) };
  else if (kind === 'signal') trigger = { kind, signal: signalOf(def) };
  else trigger = { kind: 'conditional', condition: conditionOf(def) };
  return {
    ...base,
    type: 'eventSubProcess',
    startEventId: start?.id ?? '',
    interrupting: kind === 'error' || start?.isInterrupting !== false,
    trigger,
  };
}

/** An inner flow node of an ad-hoc subprocess that no sequence flow enters. */
function isActivatable(node: ModdleElement, container: ModdleElement): boolean {
  const flows = (container.flowElements ?? []).filter((f) => f.$type === 'bpmn:SequenceFlow');
  return (
    node.$type !== 'bpmn:SequenceFlow' &&
    node.$type !== 'bpmn:BoundaryEvent' &&
    node.isForCompensation !== true &&
    !flows.some((f) => f.targetRef === node)
  );
}

/** Link and compensation throw events; the others (none, escalation, signal) by `throwEventKind`. */
function throwEvent(node: Located, base: ElementBaseIR): ElementIR {
  const kind = eventKindOf(node.element);
  if (kind === 'message')
    return publishesItself(node)
      ? messagePublication(node, base, messageOf)
      : jobTask(node, base, 'sendTask');
  if (kind === 'link') {
    const link = { name: linkNameOf(node.element), targetId: linkTargetOf(node) };
    return { ...base, type: 'intermediateThrowEvent', eventKind: 'link', link };
  }
  if (kind === 'compensate') {
    const compensation = compensationOf(node.element);
    return { ...base, type: 'intermediateThrowEvent', eventKind: 'compensate', compensation };
  }
  return { ...base, type: 'intermediateThrowEvent', ...throwEventKind(node.element) };
}

function jobTask(node: Located, base: ElementBaseIR, type: 'serviceTask' | 'sendTask'): ElementIR {
  const definition = extension(node.element, 'zeebe:TaskDefinition');
  const headers = taskHeaders(node.element);
  const taskType = readSource(definition?.type?.trim() ?? '');
  const retriesSource = readSource(definition?.retries?.trim() ?? '');
  const retries = Number.parseInt(retriesSource.isFeel ? '' : retriesSource.text, 10);
  return {
    ...base,
    type,
    taskType: taskType.text,
    ...(taskType.isFeel ? { taskTypeIsFeel: true } : {}),
    ...optional('taskQueue', headers.taskQueue),
    retries: Number.isInteger(retries) && retries > 0 ? retries : DEFAULT_RETRIES,
    ...(retriesSource.isFeel ? { retriesExpression: retriesSource.text } : {}),
    headers,
  };
}

/** The timer of a `bpmn:TimerEventDefinition`. */
export function timerOf(def: ModdleElement | undefined): TimerDef {
  const [kind, expr] = def?.timeDuration
    ? (['duration', def.timeDuration] as const)
    : def?.timeDate
      ? (['date', def.timeDate] as const)
      : (['cycle', def?.timeCycle] as const);
  const source = readSource(expr?.body ?? '');
  return {
    kind,
    expression: source.isFeel ? source.text : source.text.trim(),
    isFeel: source.isFeel,
  };
}

/** The message of a `bpmn:Message`, its correlation key as FEEL. */
export function messageOf(message: ModdleElement | undefined): MessageDef {
  const key = extension(message, 'zeebe:Subscription')?.correlationKey;
  return {
    name: message?.name?.trim() ?? '',
    ...optional('correlationKey', key?.trim() ? toFeel(key) : undefined),
  };
}

/** `{ [key]: value }` when value is a non-empty string, else `{}` (keeps the IR free of undefined). */
export function optional<K extends string>(
  key: K,
  value: string | undefined,
): Partial<Record<K, string>> {
  return value !== undefined && value.trim() !== ''
    ? ({ [key]: value.trim() } as Record<K, string>)
    : {};
}
