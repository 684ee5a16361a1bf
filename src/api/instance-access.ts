/**
 * Reading one instance: describe it (404 when unknown or not a Waymark workflow), ask the
 * workflow for its view (`instanceQuery`, with a deadline: a closed workflow with no worker
 * cannot answer), turn update rejections into 404/409, and the links that address it.
 */
import type { Client, WorkflowExecutionDescription, WorkflowHandle } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { instanceQuery } from '../../workflows/messages';
import type { InstanceView } from '../../workflows/messages';
import {
  WaymarkBusinessKey,
  WaymarkDefinitionId,
  WaymarkKind,
  WaymarkVersion,
} from '../temporal/search-attributes';
import type { ApiDeps } from './deps';
import { HttpProblem } from './problem';
import { isWorkflowNotFound, mapStatus, withDeadline } from './temporal-views';

/** Links for an instance: its API resource and its page in the Temporal Web UI. */
export function instanceLinks(
  deps: ApiDeps,
  workflowId: string,
): { self: string; temporalUi: string } {
  const ns = encodeURIComponent(deps.temporal.client.options.namespace);
  return {
    self: `${deps.config.publicUrl}/instances/${encodeURIComponent(workflowId)}`,
    temporalUi: `${deps.config.temporalUiUrl}/namespaces/${ns}/workflows/${encodeURIComponent(workflowId)}`,
  };
}

/** The workflow's handle and description; 404 for unknown ids and for non-Waymark workflows. */
export async function describeInstance(
  client: Client,
  instanceId: string,
): Promise<{ handle: WorkflowHandle; description: WorkflowExecutionDescription }> {
  const handle = client.workflow.getHandle(instanceId);
  try {
    const description = await handle.describe();
    if (description.typedSearchAttributes.get(WaymarkKind) === undefined)
      throw notFound(instanceId);
    return { handle, description };
  } catch (err) {
    if (isWorkflowNotFound(err)) throw notFound(instanceId);
    throw err;
  }
}

export function notFound(instanceId: string): HttpProblem {
  return new HttpProblem(404, `instance '${instanceId}' not found`, { type: 'instance-not-found' });
}

/** 409 unless the instance is running. */
export function requireRunning(
  instanceId: string,
  description: WorkflowExecutionDescription,
): void {
  if (description.status.name !== 'RUNNING') {
    throw new HttpProblem(
      409,
      `instance '${instanceId}' is ${mapStatus(description.status.name)}`,
      {
        type: 'instance-not-running',
      },
    );
  }
}

/**
 * Signals a running instance. One that closes between the check and the signal (a message
 * that completed it, say) answers the same 409 as one already closed, not a 500.
 */
export async function signalRunning<T>(
  handle: WorkflowHandle,
  instanceId: string,
  signal: (handle: WorkflowHandle) => Promise<T>,
): Promise<T> {
  try {
    return await signal(handle);
  } catch (err) {
    if (!isWorkflowNotFound(err)) throw err;
    throw new HttpProblem(409, `instance '${instanceId}' is no longer running`, {
      type: 'instance-not-running',
    });
  }
}

/** The workflow's own view, or the reason it could not be had. */
export async function queryView(
  client: Client,
  handle: WorkflowHandle,
  timeoutMs: number,
): Promise<{ view?: InstanceView; error?: string }> {
  try {
    return { view: await withDeadline(client, timeoutMs, () => handle.query(instanceQuery)) };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/** The summary fields taken from the description (search attributes, times). */
export function describedFields(description: WorkflowExecutionDescription) {
  const sa = description.typedSearchAttributes;
  const businessKey = sa.get(WaymarkBusinessKey);
  return {
    instanceId: description.workflowId,
    workflowId: description.workflowId,
    runId: description.runId,
    status: mapStatus(description.status.name),
    startedAt: description.startTime.toISOString(),
    ...(description.closeTime ? { closedAt: description.closeTime.toISOString() } : {}),
    definition: {
      id: sa.get(WaymarkDefinitionId),
      key: description.type,
      version: sa.get(WaymarkVersion),
    },
    ...(businessKey !== undefined ? { businessKey } : {}),
  };
}

/** The message of the failure that rejected an update (the validator's error). */
export function updateRejection(err: unknown): string | undefined {
  if (!(err instanceof WorkflowUpdateFailedError)) return undefined;
  return err.cause?.message ?? err.message;
}
