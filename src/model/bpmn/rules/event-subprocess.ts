/**
 * Rule `event-subprocess`: an event subprocess (BPMN 2.0.2 §10.3.5 "Event Sub-Process") has
 * no incoming or outgoing sequence flow and no boundary event; it contains exactly one start
 * event, which carries exactly one trigger (none is not allowed); an error start always
 * interrupts (§10.3.5: "the Error Start Event ... is always interrupting"). Within one scope no
 * two event subprocesses catch the same error code, escalation code or message name (Camunda
 * 8 refuses such ambiguity at deploy).
 */
import { eventDefinitionOf, eventKindOf, isEventSubProcess } from '../elements';
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule } from '../types';
import { allNodes, flowsInto, flowsOutOf, problemAt } from './helpers';

const id = 'event-subprocess';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Event subprocesses have one triggered start event and no sequence flows.',
  check(ctx) {
    const problems: Problem[] = [];
    const esps = allNodes(ctx).filter((n) => isEventSubProcess(n.element));
    for (const { element: esp } of esps) {
      if (flowsInto(ctx, esp).length > 0 || flowsOutOf(ctx, esp).length > 0)
        problems.push(problemAt(id, esp, 'An event subprocess has no incoming or outgoing flows'));
      const attached = allNodes(ctx).filter((n) => n.element.attachedToRef === esp);
      for (const { element: b } of attached)
        problems.push(
          problemAt(id, b, 'A boundary event cannot be attached to an event subprocess'),
        );
      problems.push(...startProblems(esp));
    }
    const byScope = new Map<ModdleElement | undefined, ModdleElement[]>();
    for (const { element: esp } of esps) {
      const list = byScope.get(esp.$parent) ?? [];
      list.push(esp);
      byScope.set(esp.$parent, list);
    }
    for (const siblings of byScope.values()) problems.push(...duplicateTriggers(siblings));
    return problems;
  },
};

function startsOf(esp: ModdleElement): ModdleElement[] {
  return (esp.flowElements ?? []).filter((e) => e.$type === 'bpmn:StartEvent');
}

function startProblems(esp: ModdleElement): Problem[] {
  const starts = startsOf(esp);
  if (starts.length !== 1)
    return [
      problemAt(
        id,
        esp,
        `An event subprocess needs exactly one start event; found ${starts.length}`,
      ),
    ];
  const start = starts[0];
  const kind = eventKindOf(start);
  if (kind === 'none')
    return [problemAt(id, start, 'The start event of an event subprocess needs a trigger')];
  if (kind === 'error' && start.isInterrupting === false)
    return [problemAt(id, start, 'An error start event is always interrupting')];
  return [];
}

/** `kind:key` of what an event subprocess's start catches, for duplicate detection. */
function catchKey(esp: ModdleElement): string | undefined {
  const start = startsOf(esp)[0];
  if (!start) return undefined;
  const def = eventDefinitionOf(start);
  switch (eventKindOf(start)) {
    case 'error':
      return `error code "${def?.errorRef?.errorCode?.trim() ?? ''}"`;
    case 'escalation':
      return `escalation code "${def?.escalationRef?.escalationCode?.trim() ?? ''}"`;
    case 'message':
      return `message "${def?.messageRef?.name?.trim() ?? ''}"`;
    default:
      return undefined;
  }
}

function duplicateTriggers(siblings: ModdleElement[]): Problem[] {
  const seen = new Map<string, ModdleElement>();
  const problems: Problem[] = [];
  for (const esp of siblings) {
    const key = catchKey(esp);
    if (key === undefined) continue;
    const first = seen.get(key);
    if (first)
      problems.push(
        problemAt(
          id,
          esp,
          `Event subprocess ${first.id ?? ''} of the same scope already catches ${key}`,
        ),
      );
    else seen.set(key, esp);
  }
  return problems;
}
