/**
 * Starting an instance of a definition, as `POST /definitions/{key}/instances`, the runs
 * API and webhook starts do: find the definition (404), refuse a disabled one (409), pick the
 * version — the latest deployed, or a named deployed one (404 unknown, 409 draft) — and have
 * the kind check the start variables (400 naming each), then start through `startWorkflow`.
 */
import type { ProcessIR } from '../../model/bpmn/ir';
import type { CompiledVersion, Definition } from '../../registry';
import type { ApiDeps } from '../deps';
import { HttpProblem } from '../problem';
import type { Idempotency } from './idempotency';
import { startKindOf } from './start-kinds';
import { startWorkflow, type StartOutcome } from './start-workflow';

export interface StartRequest {
  variables?: Record<string, unknown>;
  businessKey?: string;
  version?: number;
}

/** Extras for starts that come from the runs API and webhook starts. */
export interface StartOptions {
  /** Tags the instance with a case (input `caseId`, search attribute WaymarkCaseId). */
  caseId?: string;
  /** Where the caller put the start variables, for error paths (default `variables`). */
  variablesPath?: string;
}

/** The named version if deployed (404 / 409), else the latest deployed one (409 if none). */
export async function pickVersion(
  deps: ApiDeps,
  def: Definition,
  requested?: number,
): Promise<CompiledVersion> {
  if (requested !== undefined) {
    const v = await deps.registry.definitions.compiledVersion(def.id, requested);
    if (!v)
      throw new HttpProblem(404, `definition '${def.key}' has no version ${requested}`, {
        type: 'version-not-found',
      });
    if (v.status !== 'deployed') {
      throw new HttpProblem(
        409,
        `version ${requested} of '${def.key}' is a draft; deploy it first`,
        { type: 'version-not-deployed' },
      );
    }
    return v;
  }
  const latest = await deps.registry.definitions.compiledVersion(def.id);
  if (!latest) {
    throw new HttpProblem(409, `definition '${def.key}' has no deployed version`, {
      type: 'version-not-deployed',
    });
  }
  return latest;
}

/**
 * A BPMN version that starts only by events (message, signal, timer start events) has no none
 * start event to begin a requested instance at: 422 naming its start events.
 */
function requireNoneStart(def: Definition, version: CompiledVersion): void {
  const ir = version.compiled as Partial<ProcessIR>;
  if (def.kind !== 'bpmn' || ir.startEventId !== '') return;
  const starts = (ir.startEvents ?? []).map((s) => `${s.elementId} (${s.kind})`).join(', ');
  throw new HttpProblem(
    422,
    `definition '${def.key}' v${version.version} has no none start event; it starts by its event start events: ${starts}`,
    { type: 'no-none-start', errors: [{ path: 'definition', message: 'no none start event' }] },
  );
}

/** Starts an instance; `replayed` is true when the idempotency key had been used before. */
export async function startInstance(
  deps: ApiDeps,
  idOrKey: string,
  request: StartRequest,
  idempotency?: Idempotency,
  options: StartOptions = {},
): Promise<StartOutcome> {
  const def = await deps.registry.definitions.getDefinition(idOrKey);
  if (!def)
    throw new HttpProblem(404, `definition '${idOrKey}' not found`, {
      type: 'definition-not-found',
    });
  return startWorkflow(deps, {
    def,
    ...(idempotency ? { idempotency } : {}),
    async plan() {
      if (!def.enabled)
        throw new HttpProblem(409, `definition '${def.key}' is disabled`, {
          type: 'definition-disabled',
        });
      const kind = startKindOf(def);
      const version = await pickVersion(deps, def, request.version);
      requireNoneStart(def, version);
      const variables = request.variables ?? {};
      kind.checkVariables(version, variables, options.variablesPath);
      const { businessKey } = request;
      const { caseId } = options;
      return {
        version,
        variables,
        ...(businessKey !== undefined ? { businessKey } : {}),
        ...(caseId !== undefined ? { caseId } : {}),
      };
    },
  });
}
