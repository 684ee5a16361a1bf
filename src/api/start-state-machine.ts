/**
 * Starting state-machine instances: explicitly (`POST /definitions/{key}/instances`, the
 * business key being the record or run id) or by the first event for a record / run
 * (`POST /state-machines/{code}/events`, signal-with-start). The workflow id is
 * `<code>:<recordId>` (PER_RECORD) or `<code>:<runId>` (PER_RUN), so every event for the same
 * record reaches the same instance. A record whose instance has finished is not restarted.
 */
import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { SearchAttributePair } from '@temporalio/common';
import type { StateMachineIR } from '../model/state-machine';
import type { CompiledVersion, Definition } from '../registry';
import {
  startSearchAttributes,
  WaymarkBusinessKey,
  WaymarkState,
} from '../temporal/search-attributes';
import type { StateMachineWorkflowInput } from '../../workflows/messages';
import type { ApiDeps } from './deps';
import { HttpProblem } from './problem';
import {
  buildResponse,
  derivedUuid,
  pickVersion,
  type StartRequest,
  type StartResponse,
} from './start-instance';

/** Everything `workflow.start` / `signalWithStart` needs for a state-machine instance. */
export function stateMachineStart(
  deps: ApiDeps,
  def: Definition,
  version: CompiledVersion,
  workflowId: string,
  variables: Record<string, unknown>,
  businessKey?: string,
) {
  const ir = version.compiled as StateMachineIR;
  const input: StateMachineWorkflowInput = {
    kind: 'state-machine',
    definition: {
      id: def.id,
      key: def.key,
      version: version.version,
      ...(def.name ? { name: def.name } : {}),
    },
    ir,
    variables,
    enabled: def.enabled,
    ...(businessKey ? { businessKey } : {}),
  };
  const searchAttributes: SearchAttributePair[] = [
    ...startSearchAttributes('state-machine', { id: def.id, version: version.version }),
    { key: WaymarkState, value: ir.initialState },
    ...(businessKey ? [{ key: WaymarkBusinessKey, value: businessKey }] : []),
  ];
  return {
    taskQueue: deps.config.WAYMARK_TASK_QUEUE,
    workflowId,
    args: [input] as [StateMachineWorkflowInput],
    workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
    typedSearchAttributes: searchAttributes,
    staticSummary: `${def.name ?? def.key} v${version.version} · state machine (${ir.instanceMode === 'PER_RUN' ? 'run' : 'record'} ${businessKey ?? '–'})`,
    memo: { definitionKey: def.key, definitionVersion: version.version },
  };
}

/** `POST /definitions/{key}/instances` for a state machine. */
export async function startStateMachineInstance(
  deps: ApiDeps,
  def: Definition,
  request: StartRequest,
  idempotencyKey?: string,
): Promise<{ response: StartResponse; replayed: boolean }> {
  const version = await pickVersion(deps, def, request.version);
  const { businessKey } = request;
  const suffix =
    businessKey ?? (idempotencyKey ? derivedUuid(def.id, idempotencyKey) : randomUUID());
  const workflowId = `${def.key}:${suffix}`;
  const options = stateMachineStart(
    deps,
    def,
    version,
    workflowId,
    request.variables ?? {},
    businessKey,
  );
  try {
    const handle = await deps.temporal.client.workflow.start(def.key, {
      ...options,
      workflowIdConflictPolicy: 'FAIL',
    });
    return {
      response: buildResponse(deps, def, version.version, workflowId, handle.firstExecutionRunId),
      replayed: false,
    };
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    throw new HttpProblem(409, `an instance ${workflowId} exists already`, {
      type: 'instance-already-running',
      instanceId: workflowId,
    });
  }
}
