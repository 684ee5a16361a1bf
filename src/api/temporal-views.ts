/**
 * How the API reads Temporal: visibility queries (built with escaped literals), counts,
 * pages of executions with their Waymark search attributes, status names as the API shows
 * them, deadlines on calls that may wait for a worker, and the error classes that mean
 * "no such workflow".
 */
import type {
  Client,
  RawWorkflowExecutionInfo,
  WorkflowExecutionStatusName,
} from '@temporalio/client';
import { defaultPayloadConverter, WorkflowNotFoundError } from '@temporalio/client';

/** Instance status as the API shows it (Temporal's names, American spelling of CANCELED). */
export type InstanceStatus =
  | 'RUNNING'
  | 'COMPLETED'
  | 'FAILED'
  | 'TERMINATED'
  | 'CANCELED'
  | 'TIMED_OUT'
  | 'CONTINUED_AS_NEW'
  | 'PAUSED'
  | 'UNKNOWN';

export function mapStatus(name: WorkflowExecutionStatusName | string | undefined): InstanceStatus {
  switch (name) {
    case 'CANCELLED':
      return 'CANCELED';
    case 'RUNNING':
    case 'COMPLETED':
    case 'FAILED':
    case 'TERMINATED':
    case 'TIMED_OUT':
    case 'CONTINUED_AS_NEW':
    case 'PAUSED':
      return name;
    default:
      return 'UNKNOWN';
  }
}

/** API status → visibility `ExecutionStatus` value. */
export const visibilityStatus: Record<string, string> = {
  RUNNING: 'Running',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
  TERMINATED: 'Terminated',
  CANCELED: 'Canceled',
  TIMED_OUT: 'TimedOut',
  CONTINUED_AS_NEW: 'ContinuedAsNew',
};

/** A visibility string literal: double-quoted, quotes and backslashes escaped. */
export function literal(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Every Waymark workflow carries WaymarkKind; other workflows in the namespace are not ours. */
export const waymarkOnly = `WaymarkKind IN ("bpmn", "state-machine", "integration")`;

/** Runs `fn` with a gRPC deadline so a call that waits for a worker cannot hang a request. */
export function withDeadline<T>(client: Client, ms: number, fn: () => Promise<T>): Promise<T> {
  return client.connection.withDeadline(Date.now() + ms, fn);
}

/** Running instances of one definition (visibility count). */
export async function countRunning(
  client: Client,
  definitionId: string,
  timeoutMs: number,
): Promise<number> {
  const query = `WaymarkDefinitionId = ${literal(definitionId)} AND ExecutionStatus = "Running"`;
  const { count } = await withDeadline(client, timeoutMs, () => client.workflow.count(query));
  return count;
}

export function isWorkflowNotFound(err: unknown): boolean {
  return err instanceof WorkflowNotFoundError;
}

/** One execution in a list page. */
export interface InstanceListItem {
  instanceId: string;
  workflowId: string;
  runId: string;
  workflowType: string;
  status: InstanceStatus;
  startedAt?: string;
  closedAt?: string;
  definition: { id?: string; key: string; version?: number };
  businessKey?: string;
  activeElements?: string[];
  incident?: boolean;
  /** State machines: the current state. */
  state?: string;
}

function timestampToIso(
  ts: { seconds?: unknown; nanos?: number | null } | null | undefined,
): string | undefined {
  if (!ts || ts.seconds == null) return undefined;
  const ms = Number(ts.seconds) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6);
  return new Date(ms).toISOString();
}

function searchAttribute(info: RawWorkflowExecutionInfo, name: string): unknown {
  const payload = info.searchAttributes?.indexedFields?.[name];
  if (!payload) return undefined;
  try {
    return defaultPayloadConverter.fromPayload(payload);
  } catch {
    return undefined;
  }
}

const statusNames: Record<number, WorkflowExecutionStatusName> = {
  1: 'RUNNING',
  2: 'COMPLETED',
  3: 'FAILED',
  4: 'CANCELLED',
  5: 'TERMINATED',
  6: 'CONTINUED_AS_NEW',
  7: 'TIMED_OUT',
};

/** Maps a raw visibility row to the API's list item. */
export function toListItem(info: RawWorkflowExecutionInfo): InstanceListItem {
  const workflowId = info.execution?.workflowId ?? '';
  const businessKey = searchAttribute(info, 'WaymarkBusinessKey');
  const version = searchAttribute(info, 'WaymarkVersion');
  const defId = searchAttribute(info, 'WaymarkDefinitionId');
  const active = searchAttribute(info, 'WaymarkActiveElements');
  const incident = searchAttribute(info, 'WaymarkIncident');
  const smState = searchAttribute(info, 'WaymarkState');
  return {
    instanceId: workflowId,
    workflowId,
    runId: info.execution?.runId ?? '',
    workflowType: info.type?.name ?? '',
    status: mapStatus(statusNames[Number(info.status ?? 0)]),
    startedAt: timestampToIso(info.startTime),
    closedAt: timestampToIso(info.closeTime),
    definition: {
      id: typeof defId === 'string' ? defId : undefined,
      key: info.type?.name ?? '',
      version: typeof version === 'number' ? version : undefined,
    },
    ...(typeof businessKey === 'string' ? { businessKey } : {}),
    ...(Array.isArray(active) ? { activeElements: active.map(String) } : {}),
    ...(typeof incident === 'boolean' ? { incident } : {}),
    ...(typeof smState === 'string' ? { state: smState } : {}),
  };
}

/** One page of a visibility listing; the token is opaque base64. */
export async function listPage(
  client: Client,
  query: string,
  pageSize: number,
  nextPageToken?: string,
): Promise<{ items: InstanceListItem[]; nextPageToken?: string }> {
  const response = await client.workflowService.listWorkflowExecutions({
    namespace: client.options.namespace,
    query,
    pageSize,
    nextPageToken: nextPageToken ? Buffer.from(nextPageToken, 'base64url') : undefined,
  });
  const token = response.nextPageToken;
  return {
    items: response.executions.map(toListItem),
    ...(token && token.length > 0
      ? { nextPageToken: Buffer.from(token).toString('base64url') }
      : {}),
  };
}
