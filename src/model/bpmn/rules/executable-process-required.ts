/**
 * Rule `executable-process-required`: a file holds at least one process marked
 * `isExecutable="true"` (BPMN 2.0.2 §10.2 "Process": `isExecutable` says whether a process is
 * meant to be run; a non-executable one only documents). Every executable process becomes a
 * definition of its own, keyed by its id; non-executable processes (pools drawn for
 * documentation in a collaboration) are ignored, as Camunda 8 does. Only when nothing is
 * executable are the non-executable ones reported, naming each.
 */
import { processesOf } from '../model';
import type { Rule } from '../types';

const id = 'executable-process-required';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'At least one process, marked executable, per file.',
  check(ctx) {
    const processes = processesOf(ctx.definitions);
    if (processes.length === 0) return [{ rule: id, message: 'The file contains no bpmn:Process' }];
    if (processes.some((p) => p.isExecutable)) return [];
    return processes.map((p) => ({
      rule: id,
      elementId: p.id,
      message: `Process ${p.id ?? ''} is not executable and the file has no executable process; set isExecutable="true"`,
    }));
  },
};
