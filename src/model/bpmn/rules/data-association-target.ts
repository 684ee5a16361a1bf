/**
 * Rule `data-association-target`: a data association moves data between item-aware
 * elements (data objects and their references, data stores, data inputs and outputs,
 * properties), so its one targetRef is required and it and every sourceRef must name such an
 * element (BPMN 2.0.2 §10.4.1 "Data Associations": sourceRef ItemAwareElement [0..*],
 * targetRef ItemAwareElement [1]). Camunda Modeler points a data input association at a
 * placeholder `bpmn:property` of the activity, which is item-aware and so accepted.
 */
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule, RuleContext } from '../types';
import { allElements, elementsIn, isInstanceOf, problemAt } from './helpers';

const id = 'data-association-target';

const ASSOCIATION_TYPES = ['bpmn:DataInputAssociation', 'bpmn:DataOutputAssociation'];
const ENDS = new Set(['bpmn:sourceRef', 'bpmn:targetRef']);

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Data associations connect existing data elements.',
  check(ctx) {
    return allElements(ctx)
      .filter((el) => ASSOCIATION_TYPES.includes(el.$type))
      .flatMap((association) => problemsOf(ctx, association));
  },
};

function problemsOf(ctx: RuleContext, association: ModdleElement): Problem[] {
  const problems: Problem[] = [];
  const report = (message: string) => problems.push(problemAt(id, association, message));
  const unresolved = ctx.unresolved.filter(
    (u) => association.id !== undefined && u.elementId === association.id && ENDS.has(u.property),
  );
  for (const u of unresolved) report(`Its ${u.property.slice(5)} "${u.ref}" names no element`);
  const targets = elementsIn(association, 'targetRef');
  if (targets.length === 0 && !unresolved.some((u) => u.property === 'bpmn:targetRef'))
    report('It has no targetRef; a data association needs the data element it writes to');
  for (const [end, refs] of [
    ['sourceRef', elementsIn(association, 'sourceRef')],
    ['targetRef', targets],
  ] as const) {
    for (const ref of refs.filter((r) => !isInstanceOf(r, 'bpmn:ItemAwareElement')))
      report(
        `Its ${end} names ${ref.$type} ${ref.id ?? '<no id>'}, which holds no data (not a data object, data store, data input/output or property)`,
      );
  }
  return problems;
}
