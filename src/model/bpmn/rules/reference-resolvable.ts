/**
 * Rule `reference-resolvable`: every reference attribute (messageRef, errorRef,
 * escalationRef, signalRef, attachedToRef, default, processRef, …) names an existing element
 * of the type the BPMN metamodel gives the reference (BPMN 2.0.2 §8.3.1 "Base Element": a
 * reference is an element's id; its type is the one the element's attribute table gives).
 * Moddle resolves any id regardless of type, so the type is checked here, generically from
 * moddle's metadata. The ends (sourceRef/targetRef) of sequence flows, message flows and
 * data associations are their own rules' to report, as is the type of a boundary event's
 * host (`boundary-event-host`); diagram interchange is ignored, and incoming/outgoing lists
 * are recomputed from the flows.
 */
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule, RuleContext } from '../types';
import type { PropertyMeta } from './helpers';
import { allElements, isInstanceOf, problemAt, propertiesOf, valuesOf } from './helpers';

const id = 'reference-resolvable';

/** Elements whose sourceRef/targetRef another rule checks. */
const CONNECTORS = new Set([
  'bpmn:SequenceFlow',
  'bpmn:MessageFlow',
  'bpmn:DataInputAssociation',
  'bpmn:DataOutputAssociation',
]);
const ENDS = new Set(['bpmn:sourceRef', 'bpmn:targetRef']);
const RECOMPUTED = new Set(['bpmn:incoming', 'bpmn:outgoing']);
/** Checked, with a more precise message, by `boundary-event-host`. */
const HOST = 'bpmn:attachedToRef';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'References name existing elements of the right type.',
  check(ctx) {
    const elements = allElements(ctx).filter((el) => el.$type.startsWith('bpmn:'));
    return [...unresolved(ctx, elements), ...elements.flatMap(wronglyTyped)];
  },
};

function isOwnedElsewhere(el: ModdleElement | undefined, property: string): boolean {
  return el !== undefined && CONNECTORS.has(el.$type) && ENDS.has(property);
}

function unresolved(ctx: RuleContext, elements: ModdleElement[]): Problem[] {
  const byId = new Map(elements.filter((el) => el.id).map((el) => [el.id, el]));
  return ctx.unresolved
    .filter((u) => !isOwnedElsewhere(u.elementId ? byId.get(u.elementId) : undefined, u.property))
    .map((u) => ({
      rule: id,
      elementId: u.elementId,
      message: `${u.property} "${u.ref}" of element ${u.elementId ?? '<no id>'} names no element`,
    }));
}

function wronglyTyped(el: ModdleElement): Problem[] {
  return propertiesOf(el)
    .filter((p) => p.isReference && !RECOMPUTED.has(p.ns.name) && p.ns.name !== HOST)
    .filter((p) => !isOwnedElsewhere(el, p.ns.name))
    .flatMap((p) =>
      valuesOf(el, p)
        .filter((ref) => !isInstanceOf(ref, p.type))
        .map((ref) => problemAt(id, el, mismatch(p, ref))),
    );
}

function mismatch(property: PropertyMeta, ref: ModdleElement): string {
  return `Its ${property.ns.name} "${ref.id ?? ''}" names a ${ref.$type}, but must name a ${property.type}`;
}
