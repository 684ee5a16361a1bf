/**
 * Uploading BPMN XML: compile, then store one new version per executable process of the file
 * (definition key = process id) in one registry transaction — all of them or, when the file
 * has a problem or one key cannot take it, none. The answer keeps the single-process shape
 * (`{id, key, kind, version, status, enabled, …}` of the file's first process) and adds
 * `definitions`, every process's definition and version in document order, so a client that
 * deploys one process per file reads what it always read. Deploying creates or replaces the
 * Temporal Schedules of timer start events (schedules/definition-schedules.ts) in the same
 * all-or-nothing write.
 */
import type { CreateVersionResult } from '../registry';
import type { Problem } from './compiler';
import type { ApiDeps } from './deps';
import { HttpProblem } from './problem';
import type { ProblemItem } from './problem';
import { uploadSchedules, withSchedules } from './schedules/definition-schedules';

/** A problem as the API answers it: element, the process that holds it, rule, position. */
export function toItem(p: Problem): ProblemItem {
  return {
    ...(p.elementId !== undefined ? { elementId: p.elementId } : {}),
    ...(p.processId !== undefined ? { processId: p.processId } : {}),
    rule: p.rule,
    message: p.message,
    ...(p.line !== undefined ? { line: p.line } : {}),
    ...(p.column !== undefined ? { column: p.column } : {}),
  };
}

/** What one process of the file became. */
export function createdView({ definition, version, created }: CreateVersionResult) {
  return {
    id: definition.id,
    key: definition.key,
    kind: definition.kind,
    name: definition.name,
    version: version.version,
    status: version.status,
    enabled: definition.enabled,
    contentHash: version.contentHash,
    created,
  };
}

/** The stored versions (first process first) and the compiler's warnings; 422 when invalid. */
export async function uploadBpmn(
  deps: ApiDeps,
  xml: string,
  deploy: boolean,
): Promise<{ results: CreateVersionResult[]; warnings: ProblemItem[] }> {
  const result = await deps.compile(xml);
  if (!result.ok) {
    const n = result.problems.length;
    throw new HttpProblem(422, `the model has ${n} problem${n === 1 ? '' : 's'}`, {
      type: 'invalid-model',
      errors: result.problems.map(toItem),
    });
  }
  const processes = result.processes ?? [result.ir];
  // Deployed timer start events become schedules, in the same all-or-nothing write.
  const scheduled = deploy ? await uploadSchedules(deps, processes) : undefined;
  const inputs = processes.map((ir) => ({
    key: ir.processId,
    kind: 'bpmn' as const,
    name: ir.name ?? null,
    source: xml,
    sourceType: 'xml' as const,
    compiled: ir,
    deploy,
  }));
  // The whole file is each version's source: exporting any of them re-imports all.
  const results = await withSchedules(deps, 'the deploy', scheduled, (onWritten) =>
    deps.registry.definitions.createVersions(inputs, onWritten),
  );
  return { results, warnings: result.warnings.map(toItem) };
}
