/**
 * Small helpers shared by the validation rules: iterating nodes and flows across every
 * process, walking every element of the definitions with moddle's own metadata, and
 * building problems that name the element.
 */
import type { Located } from '../model';
import type { ModdleElement } from '../moddle-types';
import type { Problem, RuleContext } from '../types';

/** Every flow node of every process, with its scope. */
export function allNodes(ctx: RuleContext): Located[] {
  return ctx.processes.flatMap((p) => p.nodes);
}

/** Every sequence flow of every process, with its scope. */
export function allFlows(ctx: RuleContext): Located[] {
  return ctx.processes.flatMap((p) => p.flows);
}

/** Flow nodes of one moddle type. */
export function nodesOfType(ctx: RuleContext, type: string): Located[] {
  return allNodes(ctx).filter((n) => n.element.$type === type);
}

/** Flows of every process whose `targetRef` is `el`, in any scope. */
export function flowsInto(ctx: RuleContext, el: ModdleElement): ModdleElement[] {
  return allFlows(ctx)
    .map((f) => f.element)
    .filter((f) => f.targetRef === el);
}

/** Flows of every process whose `sourceRef` is `el`, in any scope. */
export function flowsOutOf(ctx: RuleContext, el: ModdleElement): ModdleElement[] {
  return allFlows(ctx)
    .map((f) => f.element)
    .filter((f) => f.sourceRef === el);
}

/** A property of a moddle type, as moddle describes it (`bpmn:messageRef` → `bpmn:Message`). */
export interface PropertyMeta {
  name: string;
  ns: { name: string; prefix: string };
  type: string;
  isReference?: boolean;
  isMany?: boolean;
}

/** Moddle's runtime metadata, which the loose `ModdleElement` view leaves out. */
interface Described {
  $descriptor: { properties: PropertyMeta[] };
  $instanceOf(type: string): boolean;
}

function isDescribed(el: unknown): el is ModdleElement & Described {
  return (
    typeof el === 'object' &&
    el !== null &&
    typeof (el as Partial<Described>).$instanceOf === 'function' &&
    Array.isArray((el as Partial<Described>).$descriptor?.properties)
  );
}

/** The properties moddle knows for `el`'s type; empty for plain objects. */
export function propertiesOf(el: ModdleElement): PropertyMeta[] {
  return isDescribed(el) ? el.$descriptor.properties : [];
}

/** The values of one property of `el` as a list: none, one or many moddle elements. */
export function valuesOf(el: ModdleElement, property: PropertyMeta): ModdleElement[] {
  // Read the property as stored: moddle's `get` would create empty lists on the element.
  const value: unknown = Reflect.get(el, property.name);
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.filter(isElement);
}

/** The moddle elements in `el`'s property `name` (e.g. `sourceRef`), as a list. */
export function elementsIn(el: ModdleElement, name: string): ModdleElement[] {
  const property = propertiesOf(el).find((p) => p.name === name);
  return property ? valuesOf(el, property) : [];
}

/** A string attribute the loose `ModdleElement` view does not list (e.g. `scriptFormat`). */
export function textOf(el: ModdleElement, name: string): string | undefined {
  const value: unknown = Reflect.get(el, name);
  return typeof value === 'string' ? value : undefined;
}

/** True when `el` is of `type` or a subtype (moddle's `$instanceOf`). */
export function isInstanceOf(el: ModdleElement, type: string): boolean {
  return isDescribed(el) && el.$instanceOf(type);
}

function isElement(value: unknown): value is ModdleElement {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { $type?: unknown }).$type === 'string'
  );
}

/**
 * Every element the definitions contain — processes, collaborations, flow elements, data
 * associations, extension elements, diagram elements — once each, parents before children.
 */
export function allElements(ctx: RuleContext): ModdleElement[] {
  const found: ModdleElement[] = [];
  const walk = (el: ModdleElement) => {
    found.push(el);
    for (const property of propertiesOf(el)) {
      if (!property.isReference) valuesOf(el, property).forEach(walk);
    }
  };
  walk(ctx.definitions);
  return found;
}

/** A problem about `el`, its message suffixed with the element's type and id. */
export function problemAt(rule: string, el: ModdleElement, message: string): Problem {
  return { rule, elementId: el.id, message: `${message} (${el.$type} ${el.id ?? '<no id>'})` };
}

/** Problems with the `bpmn:Message` a receive task or message event waits for. */
export function messageProblems(
  rule: string,
  el: ModdleElement,
  message: ModdleElement | undefined,
): Problem[] {
  if (!message) return [problemAt(rule, el, 'It needs a messageRef naming a bpmn:Message')];
  const name = message.name?.trim();
  if (!name) return [problemAt(rule, el, `Its message ${message.id ?? ''} needs a name`)];
  if (name.startsWith('='))
    return [
      problemAt(
        rule,
        el,
        `Its message ${message.id ?? ''} has a FEEL name, which is not supported; use a static name`,
      ),
    ];
  return [];
}
