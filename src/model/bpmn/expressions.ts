/**
 * Finds every FEEL expression in a model, with the element that owns it and where it sits:
 * sequence flow conditions, io mappings, script expressions, timers, message correlation
 * keys, called process ids, task types and retries, user task assignments and schedules, and
 * conditional events' conditions. The `feel-syntax` rule parses them.
 */
import { readSource } from './feel-source';
import type { ProcessModel } from './model';
import type { ModdleElement } from './moddle-types';
import { rawUserTaskAttributes } from './user-task-attributes';
import { extension, rawMappings } from './zeebe';

export interface FoundExpression {
  elementId?: string;
  /** Where in the element, for messages: `condition`, `input x`, `timeDuration`, … */
  where: string;
  /** FEEL source without the leading `=`. */
  expression: string;
}

/** Every FEEL expression of the processes and of the messages they use. */
export function collectExpressions(
  processes: ProcessModel[],
  definitions: ModdleElement,
): FoundExpression[] {
  const found: FoundExpression[] = [];
  const add = (el: ModdleElement, where: string, raw: string | undefined, alwaysFeel = false) => {
    if (raw === undefined) return;
    const source = readSource(raw);
    if (source.isFeel || alwaysFeel)
      found.push({ elementId: el.id, where, expression: source.text });
  };
  for (const { element: flow } of processes.flatMap((p) => p.flows)) {
    add(flow, 'condition', flow.conditionExpression?.body, true);
  }
  for (const { element: el } of processes.flatMap((p) => p.nodes)) {
    for (const direction of ['input', 'output'] as const) {
      for (const m of rawMappings(el, direction))
        add(el, `${direction} ${m.target ?? ''}`, m.source);
    }
    add(el, 'script', extension(el, 'zeebe:Script')?.expression, true);
    add(el, 'called element processId', extension(el, 'zeebe:CalledElement')?.processId);
    for (const [name, raw] of rawUserTaskAttributes(el)) add(el, name, raw);
    const definition = extension(el, 'zeebe:TaskDefinition');
    add(el, 'task type', definition?.type);
    add(el, 'retries', definition?.retries);
    for (const def of el.eventDefinitions ?? []) {
      add(el, 'timeDuration', def.timeDuration?.body);
      add(el, 'timeDate', def.timeDate?.body);
      add(el, 'timeCycle', def.timeCycle?.body);
      add(el, 'condition', def.condition?.body, true);
    }
  }
  for (const message of (definitions.rootElements ?? []).filter(
    (r) => r.$type === 'bpmn:Message',
  )) {
    add(message, 'correlationKey', extension(message, 'zeebe:Subscription')?.correlationKey);
  }
  return found;
}
