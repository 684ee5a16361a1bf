/**
 * The DMN compiler: DMN XML → one IR per decision (and decision service), all or nothing.
 * Each IR holds its decision and everything it requires, transitively (DMN 1.3 §6.3: the
 * decision requirements graph), so a deployed version evaluates without the others.
 * Problems are data, every one at once, each naming its element id.
 */
import type { Problem } from '../bpmn/types';
import { buildExpression, type BuildContext } from './build-expressions';
import type { BusinessKnowledgeModelIR, DecisionIR, DmnIR } from './ir';
import type { DmnElement } from './moddle-types';
import { parseDmnXml } from './parse';
import { closure, findCycle, hrefId, requirementIds } from './requirements';

export type DmnCompileResult =
  { ok: true; decisions: DmnIR[]; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** What a definition key may look like (a decision id is an XML id). */
const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Compiles a DMN document (see the module comment). */
export async function compileDmn(xml: string): Promise<DmnCompileResult> {
  const parsed = await parseDmnXml(xml);
  if (!parsed.definitions) return { ok: false, problems: parsed.problems };
  const problems = [...parsed.problems];
  const defs = parsed.definitions;
  const elements = defs.drgElement ?? [];
  const names = declaredNames(elements);
  const decisions: Record<string, DecisionIR> = {};
  const bkms: Record<string, BusinessKnowledgeModelIR> = {};
  const byId = new Map(elements.filter((e) => e.id).map((e) => [e.id as string, e]));
  for (const el of elements) {
    if (!el.id) {
      problems.push({ rule: 'dmn-id', message: `A ${el.$type.replace('dmn:', '')} has no id` });
      continue;
    }
    checkReferences(el, byId, problems);
    const ctx: BuildContext = { problems, names, ownerId: el.id };
    if (el.$type === 'dmn:Decision') {
      const logic = buildExpression(ctx, el.decisionLogic);
      if (logic) decisions[el.id] = decisionOf(el, logic);
    } else if (el.$type === 'dmn:BusinessKnowledgeModel') {
      const body = buildExpression(ctx, el.encapsulatedLogic?.body);
      if (body) bkms[el.id] = bkmOf(el, body);
    }
  }
  const cycle = findCycle(elements);
  if (cycle)
    problems.push({
      rule: 'dmn-requirements',
      elementId: cycle[0],
      message: `The requirements form a cycle: ${cycle.join(' → ')}`,
    });
  const keyed = elements.filter(
    (e) => e.$type === 'dmn:Decision' || e.$type === 'dmn:DecisionService',
  );
  if (!elements.some((e) => e.$type === 'dmn:Decision'))
    problems.push({
      rule: 'dmn-decision-required',
      ...(defs.id ? { elementId: defs.id } : {}),
      message: 'The DMN document has no decision',
    });
  for (const el of keyed)
    if (el.id && !KEY.test(el.id))
      problems.push({
        rule: 'dmn-id',
        elementId: el.id,
        message: `The id "${el.id}" cannot be a definition key`,
      });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    decisions: keyed.map((el) => irFor(defs, el, decisions, bkms, byId)),
    warnings: [],
  };
}

/** Names FEEL may use: input data, decision variables and ids, BKM names. */
function declaredNames(elements: DmnElement[]): Record<string, unknown> {
  const names: Record<string, unknown> = {};
  for (const el of elements) {
    for (const n of [el.name, el.variable?.name, el.id]) if (n) names[n] = null;
    for (const p of el.encapsulatedLogic?.formalParameter ?? []) if (p.name) names[p.name] = null;
  }
  return names;
}

function checkReferences(el: DmnElement, byId: Map<string, DmnElement>, problems: Problem[]): void {
  const refs = [
    ...(el.informationRequirement ?? []).flatMap((r) => [r.requiredDecision, r.requiredInput]),
    ...(el.knowledgeRequirement ?? []).map((r) => r.requiredKnowledge),
    ...(el.outputDecision ?? []),
  ];
  for (const ref of refs) {
    if (!ref?.href) continue;
    const id = hrefId(ref.href);
    if (!byId.has(id))
      problems.push({
        rule: 'dmn-requirements',
        elementId: el.id,
        message: `${el.id} requires "${ref.href}", which names no element of this document`,
      });
  }
}

function decisionOf(el: DmnElement, logic: DecisionIR['logic']): DecisionIR {
  const id = el.id as string;
  const name = el.name ?? id;
  return {
    id,
    name,
    variable: el.variable?.name ?? name,
    logic,
    requiredDecisions: requirementIds(el, 'decision'),
    requiredKnowledge: requirementIds(el, 'knowledge'),
  };
}

function bkmOf(el: DmnElement, body: BusinessKnowledgeModelIR['body']): BusinessKnowledgeModelIR {
  const id = el.id as string;
  return {
    id,
    name: el.variable?.name ?? el.name ?? id,
    parameters: (el.encapsulatedLogic?.formalParameter ?? []).map((p) => p.name ?? ''),
    body,
    requiredKnowledge: requirementIds(el, 'knowledge'),
  };
}

function versionTagOf(el: DmnElement): string | undefined {
  const tag = el.extensionElements?.values?.find((v) => /(^|:)versionTag$/i.test(v.$type));
  const value = tag?.value ?? tag?.$attrs?.value;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function irFor(
  defs: DmnElement,
  el: DmnElement,
  decisions: Record<string, DecisionIR>,
  bkms: Record<string, BusinessKnowledgeModelIR>,
  byId: Map<string, DmnElement>,
): DmnIR {
  const id = el.id as string;
  const roots =
    el.$type === 'dmn:DecisionService'
      ? (el.outputDecision ?? []).map((r) => hrefId(r.href ?? ''))
      : [id];
  const needed = closure(roots, byId);
  const versionTag = versionTagOf(el);
  return {
    kind: 'dmn',
    decisionId: id,
    ...(el.name ? { name: el.name } : {}),
    ...(versionTag ? { versionTag } : {}),
    drg: { ...(defs.id ? { id: defs.id } : {}), ...(defs.name ? { name: defs.name } : {}) },
    decisions: Object.fromEntries(needed.filter((n) => decisions[n]).map((n) => [n, decisions[n]])),
    knowledgeModels: Object.fromEntries(needed.filter((n) => bkms[n]).map((n) => [n, bkms[n]])),
    ...(el.$type === 'dmn:DecisionService'
      ? { service: { id, name: el.name ?? id, outputDecisions: roots } }
      : {}),
  };
}
