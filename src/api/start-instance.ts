/**
 * Starting a process instance: pick the version (latest deployed, or a named deployed one),
 * refuse disabled definitions and drafts (409), check the mandatory start fields (400 naming
 * each), and start the workflow — type = definition key, id = `<key>:<businessKey>` or
 * `<key>:<uuid>`, the pinned IR in its input, Waymark search attributes for visibility.
 *
 * Idempotency: with an `Idempotency-Key` and no business key, the uuid is derived from the
 * key, so even two concurrent retries collide on the workflow id and start one instance;
 * the first response is stored and replayed.
 */
import { createHash, randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { SearchAttributePair } from '@temporalio/common';
import type { ProcessIR } from '../model/ir';
import { checkInputs } from '../model/integration/inputs';
import type { IntegrationIR } from '../model/integration/ir';
import type { CompiledVersion, Definition } from '../registry';
import {
  startSearchAttributes,
  WaymarkBusinessKey,
  WaymarkCaseId,
} from '../temporal/search-attributes';
import {
  DRIVER_REVISION,
  type IntegrationWorkflowInput,
  type ProcessWorkflowInput,
} from '../../workflows/messages';
import type { ApiDeps } from './deps';
import { HttpProblem } from './problem';
import { startStateMachineInstance } from './start-state-machine';

export interface StartRequest {
  variables?: Record<string, unknown>;
  businessKey?: string;
  version?: number;
}

/** Extras for starts that come from the Workflows API. */
export interface StartOptions {
  /** Tags the instance with a case (input `caseId`, search attribute WaymarkCaseId). */
  caseId?: string;
  /** Where the caller put the start variables, for error paths (default `variables`). */
  variablesPath?: string;
}

export interface StartResponse {
  instanceId: string;
  workflowId: string;
  runId: string;
  definition: { id: string; key: string; version: number };
  links: { self: string; temporalUi: string };
}

/** Links for an instance: its API resource and its page in the Temporal Web UI. */
export function instanceLinks(deps: ApiDeps, workflowId: string): StartResponse['links'] {
  const ns = encodeURIComponent(deps.temporal.client.options.namespace);
  return {
    self: `${deps.config.publicUrl}/instances/${encodeURIComponent(workflowId)}`,
    temporalUi: `${deps.config.temporalUiUrl}/namespaces/${ns}/workflows/${encodeURIComponent(workflowId)}`,
  };
}

/** A value at a dotted path (`customer.id`); undefined when any step is missing. */
function valueAt(variables: Record<string, unknown>, path: string): unknown {
  let current: unknown = variables;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** 400 naming every mandatory start field that is missing (absent, null or empty string). */
export function checkMandatory(
  mandatory: string[],
  variables: Record<string, unknown>,
  variablesPath = 'variables',
): void {
  const missing = mandatory.filter((name) => {
    const v = valueAt(variables, name);
    return v === undefined || v === null || v === '';
  });
  if (missing.length > 0) {
    throw new HttpProblem(
      400,
      `missing mandatory field${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}`,
      {
        type: 'missing-mandatory-fields',
        errors: missing.map((name) => ({
          path: `${variablesPath}.${name}`,
          message: 'mandatory field is missing',
        })),
      },
    );
  }
}

/** 400 naming every missing or mistyped input an integration workflow declares. */
export function checkIntegrationInputs(
  ir: IntegrationIR,
  variables: Record<string, unknown>,
): void {
  const problems = checkInputs(ir.inputs, variables);
  if (problems.length > 0) {
    throw new HttpProblem(
      400,
      `invalid input${problems.length === 1 ? '' : 's'}: ${problems.map((p) => p.path.replace(/^variables\./, '')).join(', ')}`,
      { type: 'invalid-inputs', errors: problems },
    );
  }
}

/** A uuid-shaped id derived from the definition and the idempotency key. */
export function derivedUuid(definitionId: string, idempotencyKey: string): string {
  const h = createHash('sha256').update(`${definitionId}\n${idempotencyKey}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

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

/** Starts an instance; `replayed` is true when the idempotency key had been used before. */
export async function startInstance(
  deps: ApiDeps,
  idOrKey: string,
  request: StartRequest,
  idempotencyKey?: string,
  options: StartOptions = {},
): Promise<{ response: StartResponse; replayed: boolean }> {
  const { client } = deps.temporal;
  const def = await deps.registry.definitions.getDefinition(idOrKey);
  if (!def)
    throw new HttpProblem(404, `definition '${idOrKey}' not found`, {
      type: 'definition-not-found',
    });

  const scope = `start:${def.id}`;
  if (idempotencyKey) {
    const stored = await deps.registry.idempotency.lookup<StartResponse>(scope, idempotencyKey);
    if (stored) return { response: stored, replayed: true };
  }
  if (!def.enabled)
    throw new HttpProblem(409, `definition '${def.key}' is disabled`, {
      type: 'definition-disabled',
    });
  if (def.kind === 'state-machine') {
    return startStateMachineInstance(deps, def, request, idempotencyKey);
  }
  if (def.kind !== 'bpmn' && def.kind !== 'integration') {
    throw new HttpProblem(422, `starting ${def.kind} definitions is not supported yet`, {
      type: 'kind-not-supported',
    });
  }
  const version = await pickVersion(deps, def, request.version);
  const variables = request.variables ?? {};
  if (def.kind === 'integration')
    checkIntegrationInputs(version.compiled as IntegrationIR, variables);
  else
    checkMandatory(
      (version.compiled as ProcessIR).mandatory ?? [],
      variables,
      options.variablesPath,
    );

  const { businessKey } = request;
  const suffix =
    businessKey ?? (idempotencyKey ? derivedUuid(def.id, idempotencyKey) : randomUUID());
  const workflowId = `${def.key}:${suffix}`;
  // Webhook subscriptions at start decide whether the instance notifies (workflows/notify.ts).
  const notify = await deps.registry.webhooks.subscribedEvents();
  const { caseId } = options;
  const definition = {
    id: def.id,
    key: def.key,
    version: version.version,
    ...(def.name ? { name: def.name } : {}),
  };
  const input: ProcessWorkflowInput | IntegrationWorkflowInput =
    def.kind === 'integration'
      ? {
          kind: 'integration',
          definition,
          ir: version.compiled as IntegrationIR,
          variables,
          ...(businessKey ? { businessKey } : {}),
        }
      : {
          kind: 'bpmn',
          definition,
          ir: version.compiled as ProcessIR,
          variables,
          revision: DRIVER_REVISION,
          ...(businessKey ? { businessKey } : {}),
          ...(caseId ? { caseId } : {}),
          ...(notify.length > 0 ? { notify } : {}),
        };
  const searchAttributes: SearchAttributePair[] = [
    ...startSearchAttributes(def.kind, { id: def.id, version: version.version }),
    ...(businessKey ? [{ key: WaymarkBusinessKey, value: businessKey }] : []),
    ...(caseId ? [{ key: WaymarkCaseId, value: caseId }] : []),
  ];

  let runId: string;
  try {
    const handle = await client.workflow.start(def.key, {
      taskQueue: deps.config.WAYMARK_TASK_QUEUE,
      workflowId,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
      typedSearchAttributes: searchAttributes,
      staticSummary: `${def.name ?? def.key} v${version.version}${businessKey ? ` · ${businessKey}` : ''}`,
      memo: { definitionKey: def.key, definitionVersion: version.version },
    });
    runId = handle.firstExecutionRunId;
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    if (idempotencyKey) {
      const stored = await deps.registry.idempotency.lookup<StartResponse>(scope, idempotencyKey);
      if (stored) return { response: stored, replayed: true };
      if (!businessKey) {
        // A concurrent retry with the same key won the race: answer with its instance.
        runId = (await client.workflow.getHandle(workflowId).describe()).runId;
        const response = buildResponse(deps, def, version.version, workflowId, runId);
        return {
          response: await deps.registry.idempotency.remember(scope, idempotencyKey, response),
          replayed: true,
        };
      }
    }
    throw new HttpProblem(
      409,
      `an instance with business key '${businessKey}' is already running (${workflowId})`,
      {
        type: 'instance-already-running',
        instanceId: workflowId,
      },
    );
  }
  const response = buildResponse(deps, def, version.version, workflowId, runId);
  if (!idempotencyKey) return { response, replayed: false };
  return {
    response: await deps.registry.idempotency.remember(scope, idempotencyKey, response),
    replayed: false,
  };
}

export function buildResponse(
  deps: ApiDeps,
  def: Definition,
  version: number,
  workflowId: string,
  runId: string,
): StartResponse {
  return {
    instanceId: workflowId,
    workflowId,
    runId,
    definition: { id: def.id, key: def.key, version },
    links: instanceLinks(deps, workflowId),
  };
}
