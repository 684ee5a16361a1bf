/**
 * Rule `start-event-required`: an embedded subprocess has exactly one none start event, where
 * its tokens begin, and no other start event (BPMN 2.0 §10.3.5: a subprocess is started by its
 * incoming flow). A process has at most one none start event and at least one start event:
 * none, or message, signal or timer (§10.5.2; Camunda 8 runs those three at process level),
 * and no two message start events with the same message name (Camunda 8 refuses it).
 * (Other start event definitions are reported by `unsupported-element`.)
 */
import { eventDefinitionOf, eventKindOf, isNoneStart } from '../elements';
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule } from '../types';

const id = 'start-event-required';
const EVENT_START_KINDS: readonly string[] = ['message', 'signal', 'timer'];

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Each process and subprocess has exactly one none start event.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const scope of ctx.processes.flatMap((p) => p.scopes)) {
      // Ad-hoc subprocesses start their elements from a collection, not a start event.
      if (scope.element.triggeredByEvent || scope.element.$type === 'bpmn:AdHocSubProcess')
        continue;
      const starts = scope.nodes.filter(isNoneStart);
      const what = `${scope.isProcess ? 'Process' : 'Subprocess'} ${scope.element.id ?? ''}`;
      const eventStarts = scope.nodes.filter(
        (n) => n.$type === 'bpmn:StartEvent' && EVENT_START_KINDS.includes(eventKindOf(n)),
      );
      if (scope.isProcess) problems.push(...duplicateMessageStarts(eventStarts, what));
      else
        for (const s of eventStarts)
          problems.push({
            rule: id,
            elementId: s.id,
            message: `${what}: a start event with a trigger (${s.id ?? ''}) belongs at process level or in an event subprocess`,
          });
      if (starts.length === 0 && !(scope.isProcess && eventStarts.length > 0)) {
        problems.push({
          rule: id,
          elementId: scope.element.id,
          message: `${what} has no none start event`,
        });
      }
      for (const extra of starts.slice(1)) {
        problems.push({
          rule: id,
          elementId: extra.id,
          message: `${what} has more than one none start event (${extra.id ?? ''} is extra)`,
        });
      }
    }
    return problems;
  },
};

/** Two message start events of one process may not wait for the same message name. */
function duplicateMessageStarts(eventStarts: ModdleElement[], what: string): Problem[] {
  const seen = new Map<string, string>();
  const problems: Problem[] = [];
  for (const s of eventStarts) {
    if (eventKindOf(s) !== 'message') continue;
    const name = eventDefinitionOf(s)?.messageRef?.name as string | undefined;
    if (!name) continue;
    const first = seen.get(name);
    if (first === undefined) seen.set(name, s.id ?? '');
    else
      problems.push({
        rule: id,
        elementId: s.id,
        message: `${what}: message start events ${first} and ${s.id ?? ''} both wait for message '${name}'`,
      });
  }
  return problems;
}
