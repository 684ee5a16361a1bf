/**
 * Rule `link-event-pairs`: link events (BPMN 2.0.2 §10.5.5 "Link Event Definition", §10.5.4
 * "Intermediate Event" sequence flow connections) connect two sections of one process level:
 * each link throw event names a link that exactly one link catch event of the same scope
 * (process or subprocess) declares; link names are not empty; a link catch event has no
 * incoming sequence flow and a link throw event no outgoing one.
 */
import { eventKindOf } from '../elements';
import { linkCatches, linkNameOf } from '../link-compensation';
import type { Located } from '../model';
import type { Problem, Rule } from '../types';
import { allNodes, flowsInto, flowsOutOf, problemAt } from './helpers';
import type { RuleContext } from '../types';

const id = 'link-event-pairs';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Each link throw event has exactly one link catch event of its name in its scope.',
  check(ctx) {
    return allNodes(ctx).flatMap((node) => linkProblems(ctx, node));
  },
};

function linkProblems(ctx: RuleContext, node: Located): Problem[] {
  const el = node.element;
  if (eventKindOf(el) !== 'link') return [];
  const name = linkNameOf(el);
  if (name === '') return [problemAt(id, el, 'A link event needs a link name')];
  if (el.$type === 'bpmn:IntermediateCatchEvent') {
    const problems = flowsInto(ctx, el).map((f) =>
      problemAt(
        id,
        el,
        `A link catch event must not have incoming sequence flows, but ${f.id ?? '<no id>'} enters it`,
      ),
    );
    if (linkCatches(node.scope, name).length > 1)
      problems.push(
        problemAt(id, el, `Another link catch event of this scope is also named '${name}'`),
      );
    return problems;
  }
  const problems = flowsOutOf(ctx, el).map((f) =>
    problemAt(
      id,
      el,
      `A link throw event must not have outgoing sequence flows, but ${f.id ?? '<no id>'} leaves it`,
    ),
  );
  if (linkCatches(node.scope, name).length === 0)
    problems.push(problemAt(id, el, `No link catch event named '${name}' in the same scope`));
  return problems;
}
