/**
 * Rule `executable-process-required`: a file holds exactly one process, and it is marked
 * `isExecutable="true"`. Its id becomes the definition key.
 */
import type { Problem, Rule } from '../types';

const id = 'executable-process-required';

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Exactly one process, marked executable, per file.',
  check(ctx) {
    const problems: Problem[] = [];
    const processes = ctx.processes.map((p) => p.process);
    if (processes.length === 0) return [{ rule: id, message: 'The file contains no bpmn:Process' }];
    for (const p of processes) {
      if (!p.isExecutable) {
        problems.push({
          rule: id,
          elementId: p.id,
          message: `Process ${p.id ?? ''} is not executable; set isExecutable="true"`,
        });
      }
    }
    const executable = processes.filter((p) => p.isExecutable);
    if (executable.length > 1) {
      problems.push({
        rule: id,
        elementId: executable[1].id,
        message: `Only one executable process per file is supported; found ${executable.map((p) => p.id).join(', ')}`,
      });
    }
    return problems;
  },
};
