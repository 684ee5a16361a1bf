/**
 * `waymark list definitions` and `waymark list instances [filters]`: the API's list answers,
 * as a table for a person or as the API's JSON with `--json`.
 */
import type { CliContext } from '../context';
import { table } from '../table';

interface DefinitionItem {
  key: string;
  kind: string;
  latestVersion?: number;
  deployedVersion?: number | null;
  enabled: boolean;
  activeInstances: number | null;
}

interface InstanceItem {
  instanceId: string;
  status: string;
  definition: { key: string; version?: number };
  businessKey?: string;
  startedAt?: string;
  activeElements?: string[];
  incident?: boolean;
}

export interface InstanceFilters {
  definition?: string;
  status?: string;
  businessKey?: string;
  limit?: number;
  nextPageToken?: string;
}

export async function listDefinitions(ctx: CliContext): Promise<void> {
  const page = await ctx.client.request<{ items: DefinitionItem[] }>('GET', '/definitions');
  ctx.out.result(page, () =>
    table(
      ['KEY', 'KIND', 'LATEST', 'DEPLOYED', 'ENABLED', 'ACTIVE'],
      page.items.map((d) => [
        d.key,
        d.kind,
        String(d.latestVersion ?? ''),
        String(d.deployedVersion ?? '-'),
        d.enabled ? 'yes' : 'no',
        d.activeInstances === null ? '?' : String(d.activeInstances),
      ]),
    ),
  );
}

function instancesQuery(f: InstanceFilters): string {
  const q = new URLSearchParams();
  if (f.definition) q.set('definition', f.definition);
  if (f.status) q.set('status', f.status.toUpperCase());
  if (f.businessKey) q.set('businessKey', f.businessKey);
  if (f.limit !== undefined) q.set('pageSize', String(f.limit));
  if (f.nextPageToken) q.set('nextPageToken', f.nextPageToken);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export async function listInstances(ctx: CliContext, filters: InstanceFilters): Promise<void> {
  const page = await ctx.client.request<{ items: InstanceItem[]; nextPageToken?: string }>(
    'GET',
    `/instances${instancesQuery(filters)}`,
  );
  ctx.out.result(page, () => [
    ...table(
      ['INSTANCE', 'STATUS', 'DEFINITION', 'BUSINESS KEY', 'STARTED', 'AT'],
      page.items.map((i) => [
        i.instanceId,
        i.incident ? `${i.status} (incident)` : i.status,
        `${i.definition.key}${i.definition.version ? ` v${i.definition.version}` : ''}`,
        i.businessKey ?? '',
        i.startedAt ?? '',
        (i.activeElements ?? []).join(','),
      ]),
    ),
    ...(page.nextPageToken ? [`more: --next-page-token ${page.nextPageToken}`] : []),
  ]);
}
