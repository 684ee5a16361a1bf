/**
 * Rule `script-format`: BPMN 2.0.2 §10.3.3 "Script Task" lets a script task carry a
 * `bpmn:script` body in the language its `scriptFormat` names (a mime-type, required when a
 * script is given). Camunda 8, and so Waymark, runs a script task's FEEL expression from
 * `zeebe:script` and never reads a `bpmn:script` body: a body (Camunda 7's Groovy or
 * JavaScript, say) or a `scriptFormat` other than FEEL would be silently ignored, so either is
 * refused with what to write instead.
 */
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule } from '../types';
import { nodesOfType, problemAt, textOf } from './helpers';

const id = 'script-format';

/** `scriptFormat` values that name FEEL, compared in lower case. */
const FEEL_FORMATS = new Set(['feel', 'text/feel', 'application/feel']);

const USE_ZEEBE_SCRIPT = 'write the script as a FEEL expression in zeebe:script';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Script tasks hold FEEL in zeebe:script, not a bpmn:script body.',
  check(ctx) {
    return nodesOfType(ctx, 'bpmn:ScriptTask').flatMap(({ element }) => problemsOf(element));
  },
};

function problemsOf(task: ModdleElement): Problem[] {
  const format = textOf(task, 'scriptFormat')?.trim();
  const body = textOf(task, 'script')?.trim();
  const isFeel = format !== undefined && FEEL_FORMATS.has(format.toLowerCase());
  if (format && !isFeel)
    return [
      problemAt(
        id,
        task,
        `Its scriptFormat "${format}" is not supported: Camunda 8 runs FEEL only; ${USE_ZEEBE_SCRIPT}`,
      ),
    ];
  if (body && !format)
    return [
      problemAt(
        id,
        task,
        `Its bpmn:script body has no scriptFormat (BPMN 2.0 requires one) and would not run; ${USE_ZEEBE_SCRIPT}`,
      ),
    ];
  if (body)
    return [
      problemAt(id, task, `Its bpmn:script body is never run by Camunda 8; ${USE_ZEEBE_SCRIPT}`),
    ];
  return [];
}
