/**
 * Rule `message-flow-pools`: a message flow carries a message between two participants, so
 * it connects two different pools of its collaboration — a pool itself or an activity or
 * event inside it, never two elements of one pool, and never a flow node that no pool holds
 * (BPMN 2.0.2 §9.4 "Message Flow"; §7.6.2 "Message Flow Connection Rules", Table 7.4).
 * Table 7.4 also fixes the direction: catching events (start, intermediate catch, boundary)
 * only receive and throwing events (intermediate throw, end) only send; gateways and data
 * take no message flows. A pool without a process (a black box) is a valid end.
 */
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule, RuleContext } from '../types';
import { allElements, elementsIn, isInstanceOf, problemAt } from './helpers';

const id = 'message-flow-pools';

/** Each end: its name, its property, and the events that cannot be that end. */
const ENDS = [
  ['source', 'bpmn:sourceRef', 'bpmn:CatchEvent', 'a catching event, which cannot send'],
  ['target', 'bpmn:targetRef', 'bpmn:ThrowEvent', 'a throwing event, which cannot receive'],
] as const;

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Message flows connect two different pools.',
  check(ctx) {
    return allElements(ctx)
      .filter((el) => el.$type === 'bpmn:MessageFlow')
      .flatMap((flow) => problemsOf(ctx, flow));
  },
};

function problemsOf(ctx: RuleContext, flow: ModdleElement): Problem[] {
  const problems: Problem[] = [];
  const report = (message: string) => problems.push(problemAt(id, flow, message));
  const pools: ModdleElement[] = [];
  for (const [end, property, forbidden, why] of ENDS) {
    const node = elementsIn(flow, `${end}Ref`)[0];
    const missing = ctx.unresolved.find((u) => u.elementId === flow.id && u.property === property);
    if (!node) {
      report(missing ? `Its ${end}Ref "${missing.ref}" names no element` : `It has no ${end}Ref`);
      continue;
    }
    const what = `${node.$type} ${node.id ?? '<no id>'}`;
    if (!isInstanceOf(node, 'bpmn:InteractionNode'))
      report(`Its ${end} ${what} cannot take message flows; only pools, activities and events can`);
    else if (isInstanceOf(node, forbidden)) report(`Its ${end} ${what} is ${why} messages`);
    const pool = poolOf(flow.$parent, node);
    if (pool) pools.push(pool);
    else report(`Its ${end} ${what} is in no pool of ${flow.$parent?.id ?? 'the collaboration'}`);
  }
  if (pools.length === 2 && pools[0] === pools[1])
    report(
      `It connects two elements of the same pool ${pools[0].id ?? '<no id>'}; inside a pool, use a sequence flow`,
    );
  return problems;
}

/** The participant of `collaboration` that is `node` or whose process contains it. */
function poolOf(
  collaboration: ModdleElement | undefined,
  node: ModdleElement,
): ModdleElement | undefined {
  const participants = collaboration ? elementsIn(collaboration, 'participants') : [];
  if (node.$type === 'bpmn:Participant') return participants.find((p) => p === node);
  let process: ModdleElement | undefined = node.$parent;
  while (process && process.$type !== 'bpmn:Process') process = process.$parent;
  return process && participants.find((p) => elementsIn(p, 'processRef')[0] === process);
}
