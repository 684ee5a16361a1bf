/**
 * Rule `process-not-executable` (warning): a process with `isExecutable="false"` next to an
 * executable one is not deployed (BPMN 2.0.2 §10.2 "Process": a non-executable process is
 * for documentation), as in Camunda 8 — said out loud, so a pool that lost its executable flag
 * is not silently missing. A file with no executable process is `executable-process-required`'s.
 */
import { processesOf } from '../model';
import type { Rule } from '../types';

const id = 'process-not-executable';

export const rule: Rule = {
  id,
  severity: 'warning',
  description: 'Non-executable processes are not deployed.',
  check(ctx) {
    const processes = processesOf(ctx.definitions);
    if (!processes.some((p) => p.isExecutable)) return [];
    return processes
      .filter((p) => !p.isExecutable)
      .map((p) => ({
        rule: id,
        elementId: p.id,
        message: `Process ${p.id ?? ''} is not executable; it is ignored and not deployed`,
      }));
  },
};
