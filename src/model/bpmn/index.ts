/**
 * The BPMN compiler: Camunda 8 (zeebe) BPMN XML in, `ProcessIR` out. It parses with
 * bpmn-moddle, runs every validation rule in `rules/` and returns either the IR of every
 * executable process of the file (with warnings) or every problem at once — never the first
 * only, and never the IR of some processes while another has problems. Problems about an
 * element carry its id, the process that holds it and, where the XML shows it, line and column.
 */
import { buildProcessIR } from './build-ir';
import { DEFAULT_COMPILE_LIMITS, type CompileLimits } from './limits';
import { createLocator } from './locate';
import { elementLimitProblem, irSizeProblem, xmlSizeProblem } from './size-limits';
import { indexProcess, processesOf } from './model';
import { ownerIndex, withProcess } from './owner-process';
import { parseBpmnXml } from './parse';
import { RULES } from './rules';
import type { CompileResult, Problem, RuleContext } from './types';

export type { CompileResult, Problem, Rule } from './types';
export { DEFAULT_COMPILE_LIMITS, type CompileLimits } from './limits';
export { RULES } from './rules';

/**
 * Compiles BPMN XML to the IR of its executable processes (non-executable ones are ignored).
 * Never throws: unreadable XML, unsupported elements and invalid models are problems, as are
 * models past the limits (limits.ts): too many bytes, too many elements, an IR too big to start.
 */
export async function compileBpmn(
  xml: string,
  options: Partial<CompileLimits> = {},
): Promise<CompileResult> {
  const limits: CompileLimits = { ...DEFAULT_COMPILE_LIMITS, ...options };
  const tooLarge = xmlSizeProblem(xml, limits);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  const parsed = await parseBpmnXml(xml);
  const { definitions } = parsed;
  if (!definitions) return { ok: false, problems: parsed.problems };

  const ctx: RuleContext = {
    definitions,
    processes: processesOf(definitions)
      .filter((p) => p.isExecutable)
      .map(indexProcess),
    unresolved: parsed.unresolved,
    limits,
  };
  const tooMany = elementLimitProblem(ctx, limits);
  if (tooMany) return { ok: false, problems: [tooMany] };
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
  const locate = createLocator(xml);
  const place = (p: Problem): Problem =>
    withProcess(owners, p.line === undefined && p.elementId ? { ...p, ...locate(p.elementId) } : p);
  if (errors.length > 0) return { ok: false, problems: errors.map(place) };

  if (ctx.processes.length === 0)
    return {
      ok: false,
      problems: [{ rule: 'executable-process-required', message: 'No executable process' }],
    };
  try {
    const processes = ctx.processes.map(buildProcessIR);
    const tooBig = processes.map((ir) => irSizeProblem(ir, limits)).find((p) => p !== undefined);
    if (tooBig) return { ok: false, problems: [tooBig] };
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
