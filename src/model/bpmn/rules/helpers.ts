/**
 * Small helpers shared by the validation rules: iterating nodes and flows across every
 * process, and building problems that name the element.
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
