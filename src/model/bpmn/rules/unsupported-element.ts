/**
 * Rule `unsupported-element`: every flow node must be of a supported type with a supported
 * event definition; event subprocesses and loop / multi-instance characteristics are not
 * supported yet. Unsupported elements are deploy errors, never silently skipped.
 */
import { ALLOWED_EVENT_KINDS, SUPPORTED_TYPES, eventKindOf } from '../elements';
import type { Problem, Rule } from '../types';
import { allNodes } from './helpers';

const id = 'unsupported-element';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Only the supported subset of BPMN may be used.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const { element: el } of allNodes(ctx)) {
      const at = `(element ${el.id ?? '<no id>'})`;
      const report = (message: string) => problems.push({ rule: id, elementId: el.id, message });
      if (!(el.$type in SUPPORTED_TYPES)) {
        report(`${el.$type} is not supported ${at}`);
        continue;
      }
      if (el.$type === 'bpmn:SubProcess' && el.triggeredByEvent)
        report(`Event subprocesses (bpmn:SubProcess triggeredByEvent) are not supported ${at}`);
      if (el.loopCharacteristics) {
        const kind =
          el.loopCharacteristics.$type === 'bpmn:MultiInstanceLoopCharacteristics'
            ? 'Multi-instance'
            : 'Loop';
        report(
          `${kind} characteristics (${el.loopCharacteristics.$type}) are not supported yet ${at}`,
        );
      }
      const allowed = ALLOWED_EVENT_KINDS[el.$type];
      if (!allowed) continue;
      const kind = eventKindOf(el);
      if (kind === 'multiple')
        report(`${el.$type} with several event definitions is not supported ${at}`);
      else if (kind === 'none' && !allowed.includes('none'))
        report(`${el.$type} without an event definition is not supported ${at}`);
      else if (!(allowed as readonly string[]).includes(kind)) {
        const def = el.eventDefinitions?.[0]?.$type ?? kind;
        report(`${el.$type} with ${def} is not supported ${at}`);
      }
    }
    return problems;
  },
};
