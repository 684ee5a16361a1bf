/**
 * IR pieces of the events added for BPMN 2.0 §10.5 beyond none/timer/message/error: the
 * escalation code, signal name and condition an event carries, the kind of a start event
 * (an event subprocess's start names its trigger) and of a throw event. The builders in
 * `build-elements.ts` use them; they run after every rule passed.
 */
import type { ConditionDef, ThrowEventIR } from './ir';
import { eventDefinitionOf, eventKindOf } from './elements';
import { readSource } from './feel-source';
import type { ModdleElement } from './moddle-types';
import { extension } from './zeebe';

/** `{ escalationCode }` of an escalation event definition, `{}` for a catch-all. */
export function escalationCodeOf(def: ModdleElement | undefined): { escalationCode?: string } {
  const code = def?.escalationRef?.escalationCode?.trim();
  return code ? { escalationCode: code } : {};
}

/** The signal name of a signal event definition. */
export function signalOf(def: ModdleElement | undefined): string {
  return def?.signalRef?.name?.trim() ?? '';
}

function list(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The condition of a `bpmn:ConditionalEventDefinition`, with its `zeebe:conditionalFilter`. */
export function conditionOf(def: ModdleElement | undefined): ConditionDef {
  const filter = extension(def, 'zeebe:ConditionalFilter');
  const names = list(filter?.variableNames);
  const events = list(filter?.variableEvents).filter(
    (e): e is 'create' | 'update' => e === 'create' || e === 'update',
  );
  return {
    expression: readSource(def?.condition?.body ?? '').text,
    ...(names.length > 0 ? { variableNames: names } : {}),
    ...(events.length > 0 ? { variableEvents: events } : {}),
  };
}

/** The kind of a start event: `none`, or the trigger of an event subprocess's start. */
export function startEventKind(el: ModdleElement): 'none' | ThrowableStartKind {
  const kind = eventKindOf(el);
  return (START_KINDS as readonly string[]).includes(kind) ? (kind as ThrowableStartKind) : 'none';
}

const START_KINDS = ['timer', 'message', 'error', 'escalation', 'signal', 'conditional'] as const;
type ThrowableStartKind = (typeof START_KINDS)[number];

/** The kind and payload of an intermediate throw or end event that escalates or signals. */
export function throwEventKind(el: ModdleElement): Pick<
  ThrowEventIR,
  'escalationCode' | 'signal'
> & {
  eventKind: 'none' | 'escalation' | 'signal';
} {
  const kind = eventKindOf(el);
  const def = eventDefinitionOf(el);
  if (kind === 'escalation') return { eventKind: 'escalation', ...escalationCodeOf(def) };
  if (kind === 'signal') return { eventKind: 'signal', signal: signalOf(def) };
  return { eventKind: 'none' };
}
