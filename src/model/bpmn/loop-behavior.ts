/**
 * The events a multi-instance body throws as its inner instances complete (BPMN 2.0 §10.3.8
 * "MultiInstanceLoopCharacteristics", attributes `behavior`, `noneBehaviorEventRef`,
 * `oneBehaviorEventRef`, `complexBehaviorDefinition`; Table 10.30): `None` throws the
 * referenced event definition for every instance completing, `One` upon the first one, `All`
 * throws nothing, `Complex` consults each complex behaviour definition's condition. The event
 * definition thrown is a signal, an escalation or an error; the spec's "default signal" for None
 * and One without a reference carries no name anything could catch, so nothing is thrown then
 * (README says so). `behaviorProblems` serves the `loop-characteristics` rule; `behaviorOf`
 * compiles what passed into `LoopBehaviorIR`.
 */
import type { BehaviorThrowIR, LoopBehaviorIR } from './ir-loop';
import { feelSyntaxError, readSource } from './feel-source';
import type { ModdleElement } from './moddle-types';

type Mode = LoopBehaviorIR['mode'];

/** One event the XML asks the body to throw, and where it was written. */
interface RawBehaviorEvent {
  source: 'noneBehaviorEventRef' | 'oneBehaviorEventRef' | 'complexBehaviorDefinition';
  /** The complex behaviour definition's condition (FEEL source without `=`). */
  condition?: string;
  definitions: ModdleElement[];
}

const MODE_OF_SOURCE: Record<RawBehaviorEvent['source'], Mode> = {
  noneBehaviorEventRef: 'None',
  oneBehaviorEventRef: 'One',
  complexBehaviorDefinition: 'Complex',
};

function prop(el: ModdleElement | undefined, name: string): unknown {
  return el ? Reflect.get(el, name) : undefined;
}

/** The `behavior` attribute as written (default All). */
function modeOf(loop: ModdleElement): string {
  const v = prop(loop, 'behavior');
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : 'All';
}

function readEvents(loop: ModdleElement): RawBehaviorEvent[] {
  const events: RawBehaviorEvent[] = [];
  for (const source of ['noneBehaviorEventRef', 'oneBehaviorEventRef'] as const) {
    const def = prop(loop, source) as ModdleElement | undefined;
    if (def) events.push({ source, definitions: [def] });
  }
  const complex = (prop(loop, 'complexBehaviorDefinition') as ModdleElement[] | undefined) ?? [];
  for (const c of complex) {
    const condition = (prop(c, 'condition') as ModdleElement | undefined)?.body;
    const event = prop(c, 'event') as ModdleElement | undefined;
    events.push({
      source: 'complexBehaviorDefinition',
      ...(typeof condition === 'string' && condition.trim() !== ''
        ? { condition: readSource(condition).text.trim() }
        : {}),
      definitions: (event?.eventDefinitions as ModdleElement[] | undefined) ?? [],
    });
  }
  return events;
}

/** What an event definition throws, or why it cannot be thrown by a body. */
function thrownOf(def: ModdleElement): BehaviorThrowIR | string {
  const ref = (name: string, field: string): string =>
    String(prop(prop(def, name) as ModdleElement | undefined, field) ?? '').trim();
  switch (def.$type) {
    case 'bpmn:SignalEventDefinition': {
      const signal = ref('signalRef', 'name');
      return signal ? { kind: 'signal', signal } : 'its signal event definition names no signal';
    }
    case 'bpmn:EscalationEventDefinition': {
      const escalationCode = ref('escalationRef', 'escalationCode');
      return escalationCode
        ? { kind: 'escalation', escalationCode }
        : 'its escalation event definition has no escalationCode';
    }
    case 'bpmn:ErrorEventDefinition': {
      const errorCode = ref('errorRef', 'errorCode');
      return errorCode
        ? { kind: 'error', errorCode }
        : 'its error event definition has no errorCode';
    }
    default:
      return `a ${def.$type.replace('bpmn:', '')} cannot be thrown by a multi-instance body (signal, escalation and error can)`;
  }
}

/** Problems with the behaviour events of a multi-instance `loop` element, as messages. */
export function behaviorProblems(loop: ModdleElement): string[] {
  const mode = modeOf(loop);
  const problems: string[] = [];
  for (const event of readEvents(loop)) {
    const at = event.source;
    if (MODE_OF_SOURCE[at] !== mode)
      problems.push(`Its ${at} is set but behavior is "${mode}", so it would never be thrown`);
    if (event.definitions.length !== 1)
      problems.push(`Its ${at} needs exactly one event definition to throw`);
    for (const def of event.definitions) {
      const thrown = thrownOf(def);
      if (typeof thrown === 'string') problems.push(`Its ${at}: ${thrown}`);
    }
    if (at === 'complexBehaviorDefinition') {
      if (event.condition === undefined) problems.push(`Its ${at} needs a condition`);
      const error = event.condition !== undefined ? feelSyntaxError(event.condition) : undefined;
      if (error) problems.push(`Its ${at} condition "${event.condition}" ${error}`);
    }
  }
  return problems;
}

/** The compiled behaviour of a multi-instance `loop` element (the rule passed); none for All. */
export function behaviorOf(loop: ModdleElement): LoopBehaviorIR | undefined {
  const mode = modeOf(loop);
  if (mode !== 'None' && mode !== 'One' && mode !== 'Complex') return undefined;
  const events: LoopBehaviorIR['events'] = [];
  for (const e of readEvents(loop)) {
    const thrown = e.definitions[0] ? thrownOf(e.definitions[0]) : undefined;
    if (MODE_OF_SOURCE[e.source] !== mode || thrown === undefined || typeof thrown === 'string')
      continue;
    events.push({
      ...(e.condition !== undefined ? { condition: e.condition } : {}),
      event: thrown,
    });
  }
  return events.length > 0 ? { mode, events } : undefined;
}
