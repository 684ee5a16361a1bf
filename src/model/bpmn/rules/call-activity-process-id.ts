/**
 * Rule `call-activity-process-id`: a call activity names the process it calls (BPMN 2.0.2
 * §10.3.6 "Call Activity": `calledElement` references the called process) — with
 * `zeebe:calledElement processId` (static, or FEEL with `=`), or with the plain BPMN attribute
 * `calledElement`, read as the process id (`called-element.ts`). The plain attribute is a
 * reference, not an expression, so a `=` there is refused. A static id that names a process of
 * the same file must name an executable one: a non-executable process is never deployed.
 */
import { calledElementOf } from '../called-element';
import { processesOf } from '../model';
import type { ModdleElement } from '../moddle-types';
import type { Problem, Rule } from '../types';
import { nodesOfType, problemAt } from './helpers';

const id = 'call-activity-process-id';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Call activities name the called process.',
  check(ctx) {
    const notExecutable = new Set(
      processesOf(ctx.definitions)
        .filter((p) => !p.isExecutable && p.id)
        .map((p) => p.id),
    );
    return nodesOfType(ctx, 'bpmn:CallActivity').flatMap((n) =>
      checkCall(n.element, notExecutable),
    );
  },
};

function checkCall(el: ModdleElement, notExecutable: Set<string | undefined>): Problem[] {
  const called = calledElementOf(el);
  if (!called || called.raw.replace(/^\s*=/, '').trim() === '')
    return [
      problemAt(
        id,
        el,
        'It needs a zeebe:calledElement with a processId, or a calledElement attribute',
      ),
    ];
  if (called.from === 'bpmn' && called.raw.startsWith('='))
    return [
      problemAt(
        id,
        el,
        `Its calledElement "${called.raw}" is a process id, not an expression; put FEEL in zeebe:calledElement processId`,
      ),
    ];
  if (!called.raw.trim().startsWith('=') && notExecutable.has(called.raw.trim()))
    return [
      problemAt(
        id,
        el,
        `It calls process ${called.raw.trim()} of this file, which is not executable and is never deployed`,
      ),
    ];
  return [];
}
