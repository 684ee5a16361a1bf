/**
 * Assembles the `ProcessIR` of a validated executable process: the shared element fields
 * (scope, flows, mappings, boundary events), the per-type fields from `build-elements`, the
 * sequence flows with their FEEL conditions, and the process metadata (mandatory start
 * fields and declared parameters from `zeebe:properties`).
 */
import type { ElementIR, FlowIR, ParameterDecl, ProcessIR, ProcessStartIR } from './ir';
import { BUILDERS, messageOf, optional, timerOf } from './build-elements';
import { signalOf } from './build-events';
import type { ElementBaseIR } from './build-elements';
import { SUPPORTED_TYPES, eventDefinitionOf, eventKindOf, isNoneStart } from './elements';
import { readSource } from './feel-source';
import { loopOf } from './loop';
import { boundaryEventsOf, incomingOf, outgoingOf } from './model';
import type { Located, ProcessModel } from './model';
import { PARAMETER_TYPES } from './rules/process-parameters';
import { mappings, properties } from './zeebe';

/** Builds the IR; assumes every error-severity rule passed. */
export function buildProcessIR(model: ProcessModel): ProcessIR {
  const { process } = model;
  const elements: Record<string, ElementIR> = {};
  for (const node of model.nodes) {
    const type = SUPPORTED_TYPES[node.element.$type];
    if (!type || !node.element.id)
      throw new Error(`Cannot build element ${node.element.id ?? node.element.$type}`);
    elements[node.element.id] = BUILDERS[type](node, baseOf(node));
  }
  const flows: Record<string, FlowIR> = {};
  for (const { element: flow } of model.flows) {
    if (!flow.id) continue;
    const body = flow.conditionExpression?.body;
    const isDefault = flow.sourceRef?.default === flow;
    flows[flow.id] = {
      id: flow.id,
      ...optional('name', flow.name),
      sourceId: flow.sourceRef?.id ?? '',
      targetId: flow.targetRef?.id ?? '',
      ...(body?.trim() && !isDefault ? { condition: readSource(body).text } : {}),
    };
  }
  const start = model.scopes[0].nodes.find(isNoneStart);
  return {
    kind: 'bpmn',
    processId: process.id ?? '',
    ...optional('name', process.name),
    startEventId: start?.id ?? '',
    ...eventStartsOf(model),
    elements,
    flows,
    mandatory: start ? mandatoryOf(start) : [],
    parameters: parametersOf(model),
  };
}

function baseOf(node: Located): ElementBaseIR {
  const el = node.element;
  const loop = loopOf(el);
  return {
    id: el.id ?? '',
    bpmnType: el.$type,
    ...optional('name', el.name),
    parentId: node.parentId,
    incoming: idsOf(incomingOf(node)),
    outgoing: idsOf(outgoingOf(node)),
    ...optional('defaultFlow', el.default?.id),
    inputs: mappings(el, 'input'),
    outputs: mappings(el, 'output'),
    boundaryEvents: idsOf(boundaryEventsOf(node)),
    ...(loop ? { loop } : {}),
    ...(el.isForCompensation === true ? { isForCompensation: true } : {}),
  };
}

function idsOf(elements: Array<{ id?: string }>): string[] {
  return elements.flatMap((e) => (e.id ? [e.id] : []));
}

/** `<zeebe:property name="mandatory" value="a,b"/>` on the start event. */
function mandatoryOf(start: Located['element']): string[] {
  return properties(start)
    .filter((p) => p.name === 'mandatory')
    .flatMap((p) => p.value.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `<zeebe:property name="param:<name>" value="<type>[!]"/>` on the process. */
function parametersOf(model: ProcessModel): ParameterDecl[] {
  return properties(model.process)
    .filter((p) => p.name.startsWith('param:'))
    .map((p) => {
      const value = p.value.trim();
      const type = value.replace(/!$/, '') as ParameterDecl['type'];
      return {
        name: p.name.slice('param:'.length).trim(),
        type: (PARAMETER_TYPES as readonly string[]).includes(type) ? type : 'any',
        required: value.endsWith('!'),
      };
    });
}

/** The process-level message, signal and timer start events (`startEvents`), if any. */
function eventStartsOf(model: ProcessModel): { startEvents?: ProcessStartIR[] } {
  const starts: ProcessStartIR[] = [];
  for (const el of model.scopes[0].nodes) {
    if (el.$type !== 'bpmn:StartEvent' || !el.id) continue;
    const kind = eventKindOf(el);
    const def = eventDefinitionOf(el);
    if (kind === 'message')
      starts.push({ elementId: el.id, kind, message: messageOf(def?.messageRef) });
    else if (kind === 'signal') starts.push({ elementId: el.id, kind, signal: signalOf(def) });
    else if (kind === 'timer') starts.push({ elementId: el.id, kind, timer: timerOf(def) });
  }
  return starts.length > 0 ? { startEvents: starts } : {};
}
