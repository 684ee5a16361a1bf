/**
 * The BPMN compiler: Camunda 8 (zeebe) BPMN XML in, `ProcessIR` out. It parses with
 * bpmn-moddle, runs every validation rule in `rules/` and returns either the IR of every
 * executable process of the file (with warnings) or every problem at once — never the first
 * only, and never the IR of some processes while another has problems. Problems about an
 * element carry its id, the process that holds it and, where the XML shows it, line and column.
 */
import { buildProcessIR } from './build-ir';
import { locateId } from './locate';
import { indexProcess, processesOf } from './model';
import { ownerIndex, withProcess } from './owner-process';
import { parseBpmnXml } from './parse';
import { RULES } from './rules';
import type { CompileResult, Problem, RuleContext } from './types';

export type { CompileResult, Problem, Rule } from './types';
export { RULES } from './rules';

/**
 * Compiles BPMN XML to the IR of its executable processes (non-executable ones are ignored).
 * Never throws: unreadable XML, unsupported elements and invalid models are problems.
 */
export async function compileBpmn(xml: string): Promise<CompileResult> {
  const parsed = await parseBpmnXml(xml);
  const { definitions } = parsed;
  if (!definitions) return { ok: false, problems: parsed.problems };

  const ctx: RuleContext = {
    definitions,
    processes: processesOf(definitions)
      .filter((p) => p.isExecutable)
      .map(indexProcess),
    unresolved: parsed.unresolved,
  };
  const errors: Problem[] = [...parsed.problems];
  const warnings: Problem[] = [...parsed.warnings];
  for (const rule of RULES) {
    try {
      (rule.severity === 'error' ? errors : warnings).push(...rule.check(ctx));
    } catch (err) {
      errors.push({
        rule: rule.id,
        message: `Rule ${rule.id} failed: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  }
  const owners = ownerIndex(ctx.processes);
  const place = (p: Problem): Problem =>
    withProcess(
      owners,
      p.line === undefined && p.elementId ? { ...p, ...locateId(xml, p.elementId) } : p,
    );
  if (errors.length > 0) return { ok: false, problems: errors.map(place) };

  if (ctx.processes.length === 0)
    return {
      ok: false,
      problems: [{ rule: 'executable-process-required', message: 'No executable process' }],
    };
  try {
    const processes = ctx.processes.map(buildProcessIR);
    return { ok: true, ir: processes[0], processes, warnings: warnings.map(place) };
  } catch (err) {
    return {
      ok: false,
      problems: [
        {
          rule: 'internal',
          message: `Compilation failed: ${err instanceof Error ? err.message : String(err)}`,
        },
      ],
    };
  }
}
