/**
 * The decision requirements graph (DMN 1.3 §6.3): which decisions and business knowledge
 * models an element requires (`href="#id"`), everything it needs transitively, and cycles
 * (a DRG must be acyclic, §6.2.1).
 */
import type { DmnElement } from './moddle-types';

/** The id an `href` names (`#id`, or `namespace#id`). */
export function hrefId(href: string): string {
  const at = href.lastIndexOf('#');
  return at >= 0 ? href.slice(at + 1) : href;
}

/** Ids of the decisions (information requirements) or BKMs (knowledge requirements) `el` requires. */
export function requirementIds(el: DmnElement, which: 'decision' | 'knowledge'): string[] {
  const refs =
    which === 'decision'
      ? (el.informationRequirement ?? []).map((r) => r.requiredDecision)
      : (el.knowledgeRequirement ?? []).map((r) => r.requiredKnowledge);
  return refs.filter((r): r is DmnElement => Boolean(r?.href)).map((r) => hrefId(r.href as string));
}

function edges(el: DmnElement | undefined): string[] {
  if (!el) return [];
  return [...requirementIds(el, 'decision'), ...requirementIds(el, 'knowledge')];
}

/** `roots` and every decision and BKM they require, transitively (roots first). */
export function closure(roots: string[], byId: Map<string, DmnElement>): string[] {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...edges(byId.get(id)));
  }
  return [...seen];
}

/** A cycle of requirements as a list of ids (first = last), or undefined. */
export function findCycle(elements: DmnElement[]): string[] | undefined {
  const byId = new Map(elements.filter((e) => e.id).map((e) => [e.id as string, e]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'open') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'open');
    path.push(id);
    for (const next of edges(byId.get(id))) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of byId.keys()) {
    const found = visit(id);
    if (found) return found;
  }
  return undefined;
}
