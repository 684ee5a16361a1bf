/**
 * Gathers the sample a heatmap is aggregated from (`heatmap.ts`), at a bounded cost: one
 * visibility count and a few list pages for the instances of one definition version (by the
 * `WaymarkDefinitionId` and `WaymarkVersion` search attributes every start sets), newest
 * first, open and closed; runs that continued as new are left out, so each workflow counts
 * once, by its latest run (which carries the trail on). At most `limit` instances are read,
 * each with one `instanceQuery` (a closed one is replayed by a worker to answer), at most
 * `concurrency` at a time; an instance that does not answer in time is counted as unreadable.
 */
import type { Client } from '@temporalio/client';
import { instanceQuery } from '../../workflows/messages';
import type { HeatmapSample } from './heatmap';
import { listPage, literal, waymarkOnly, withDeadline } from './temporal-views';

export interface SampleOptions {
  definitionId: string;
  version: number;
  limit: number;
  concurrency: number;
  timeoutMs: number;
}

export interface GatheredSample {
  samples: HeatmapSample[];
  /** Instances of the version in visibility (continued-as-new runs excluded). */
  total: number;
  /** Listed but could not be read (no worker, deadline). */
  unreadable: number;
}

/** The visibility query for one definition version's instances, one row per workflow. */
export function versionQuery(definitionId: string, version: number): string {
  return [
    waymarkOnly,
    `WaymarkDefinitionId = ${literal(definitionId)}`,
    `WaymarkVersion = ${Math.trunc(version)}`,
    `ExecutionStatus != "ContinuedAsNew"`,
  ].join(' AND ');
}

/** The newest `limit` executions (workflow id, run id), one per workflow id. */
async function listNewest(client: Client, query: string, limit: number) {
  const runs = new Map<string, string>();
  let token: string | undefined;
  do {
    const page = await listPage(client, query, Math.min(100, limit), token);
    for (const item of page.items) {
      if (runs.size >= limit) break;
      if (!runs.has(item.workflowId)) runs.set(item.workflowId, item.runId);
    }
    token = page.nextPageToken;
  } while (token && runs.size < limit);
  return [...runs];
}

/** Runs `fn` over `items`, at most `concurrency` at a time. */
async function pool<T, R>(items: T[], concurrency: number, fn: (item: T) => Promise<R>) {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
  return out;
}

/** Lists and reads the sample of one definition version. */
export async function gatherSample(client: Client, o: SampleOptions): Promise<GatheredSample> {
  const query = versionQuery(o.definitionId, o.version);
  const [{ count }, runs] = await Promise.all([
    withDeadline(client, o.timeoutMs, () => client.workflow.count(query)),
    withDeadline(client, o.timeoutMs, () => listNewest(client, query, o.limit)),
  ]);
  const views = await pool(runs, o.concurrency, async ([workflowId, runId]) => {
    const handle = client.workflow.getHandle(workflowId, runId || undefined);
    return withDeadline(client, o.timeoutMs, () => handle.query(instanceQuery)).catch(
      () => undefined,
    );
  });
  const samples = views.filter((v) => v !== undefined);
  return {
    samples,
    total: Math.max(count, runs.length),
    unreadable: views.length - samples.length,
  };
}
