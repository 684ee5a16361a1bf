/**
 * Reads an activity's loop characteristics (BPMN 2.0 §10.3.8): `bpmn:multiInstanceLoopCharacteristics`
 * with Camunda 8's `zeebe:loopCharacteristics` (inputCollection, inputElement, outputCollection,
 * outputElement), `bpmn:loopCardinality` and `bpmn:completionCondition`; and
 * `bpmn:standardLoopCharacteristics` (loopCondition, testBefore, loopMaximum); the behaviour
 * events come from `loop-behavior.ts`. `readLoop` gives
 * the raw view the `loop-characteristics` rule checks; `loopOf` the IR once the rules passed.
 */
import type { LoopIR } from './ir';
import { readSource } from './feel-source';
import { behaviorOf } from './loop-behavior';
import type { ModdleElement } from './moddle-types';
import { extension } from './zeebe';

export const MULTI_INSTANCE = 'bpmn:MultiInstanceLoopCharacteristics';
export const STANDARD_LOOP = 'bpmn:StandardLoopCharacteristics';

/** A loop characteristics value as written: FEEL (`=expr`) or static text, trimmed. */
export interface RawValue {
  isFeel: boolean;
  text: string;
}

/** The loop characteristics of one activity, as written in the XML. */
export interface RawLoop {
  type: string;
  element: ModdleElement;
  sequential: boolean;
  inputCollection?: RawValue;
  inputElement?: string;
  outputCollection?: string;
  outputElement?: RawValue;
  loopCardinality?: RawValue;
  completionCondition?: RawValue;
  loopCondition?: RawValue;
  testBefore: boolean;
  /** `loopMaximum` as written (moddle parses it as an Integer; NaN when not one). */
  loopMaximum?: number;
}

function prop(el: ModdleElement | undefined, name: string): unknown {
  return el ? Reflect.get(el, name) : undefined;
}

function text(el: ModdleElement | undefined, name: string): string | undefined {
  const v = prop(el, name);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function value(raw: string | undefined): RawValue | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const s = readSource(raw);
  return { isFeel: s.isFeel, text: s.text.trim() };
}

/** The body of a `bpmn:FormalExpression` child (`loopCardinality`, `completionCondition`). */
function expressionBody(el: ModdleElement, name: string): RawValue | undefined {
  const child = prop(el, name) as ModdleElement | undefined;
  return value(child?.body);
}

/** The activity's loop characteristics as written; undefined when it has none. */
export function readLoop(activity: ModdleElement): RawLoop | undefined {
  const el = activity.loopCharacteristics;
  if (!el) return undefined;
  const zeebe = extension(el, 'zeebe:LoopCharacteristics');
  const max = prop(el, 'loopMaximum');
  return {
    type: el.$type,
    element: el,
    sequential: prop(el, 'isSequential') === true,
    inputCollection: value(text(zeebe, 'inputCollection')),
    inputElement: text(zeebe, 'inputElement'),
    outputCollection: text(zeebe, 'outputCollection'),
    outputElement: value(text(zeebe, 'outputElement')),
    loopCardinality: expressionBody(el, 'loopCardinality'),
    completionCondition: expressionBody(el, 'completionCondition'),
    loopCondition: expressionBody(el, 'loopCondition'),
    testBefore: prop(el, 'testBefore') === true,
    ...(typeof max === 'number' ? { loopMaximum: max } : {}),
  };
}

/** FEEL source of a value: FEEL as is; a static value must already be a FEEL literal or name. */
function feel(v: RawValue | undefined): string | undefined {
  return v?.text;
}

/** The IR of the activity's loop characteristics (the rules have passed). */
export function loopOf(activity: ModdleElement): LoopIR | undefined {
  const raw = readLoop(activity);
  if (!raw) return undefined;
  if (raw.type === STANDARD_LOOP) {
    return {
      kind: 'standardLoop',
      testBefore: raw.testBefore,
      ...opt('loopCondition', feel(raw.loopCondition)),
      ...(raw.loopMaximum !== undefined ? { loopMaximum: raw.loopMaximum } : {}),
    };
  }
  const behavior = behaviorOf(raw.element);
  return {
    kind: 'multiInstance',
    sequential: raw.sequential,
    ...opt('inputCollection', feel(raw.inputCollection)),
    ...opt('inputElement', raw.inputElement),
    ...opt('loopCardinality', feel(raw.loopCardinality)),
    ...opt('outputCollection', raw.outputCollection),
    ...opt('outputElement', feel(raw.outputElement)),
    ...opt('completionCondition', feel(raw.completionCondition)),
    ...(behavior ? { behavior } : {}),
  };
}

function opt<K extends string>(key: K, v: string | undefined): Partial<Record<K, string>> {
  return v !== undefined ? ({ [key]: v } as Record<K, string>) : {};
}
