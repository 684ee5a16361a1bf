/**
 * `waymark start <key>`: starts an instance of the latest deployed version (or `--version`)
 * through `POST /definitions/{key}/instances`, with variables from `--var`/`--vars`, an
 * optional business key and idempotency key. `--wait` then follows it like `watch`.
 */
import type { CliContext } from '../context';
import { parseVariables } from '../vars';
import { watch } from './watch';
import type { WatchOptions } from './watch';

export interface StartOptions extends WatchOptions {
  var?: string[];
  vars?: string;
  businessKey?: string;
  version?: number;
  idempotencyKey?: string;
  wait?: boolean;
}

interface Started {
  instanceId: string;
  workflowId: string;
  runId: string;
  definition: { id: string; key: string; version: number };
  links: { self: string; temporalUi?: string };
}

export async function start(ctx: CliContext, key: string, options: StartOptions): Promise<void> {
  const body = {
    variables: parseVariables(options.var, options.vars),
    ...(options.businessKey !== undefined ? { businessKey: options.businessKey } : {}),
    ...(options.version !== undefined ? { version: options.version } : {}),
  };
  const headers: Record<string, string> = options.idempotencyKey
    ? { 'idempotency-key': options.idempotencyKey }
    : {};
  const started = await ctx.client.request<Started>(
    'POST',
    `/definitions/${encodeURIComponent(key)}/instances`,
    { body, headers },
  );
  if (options.wait) {
    ctx.out.line(
      `started ${started.instanceId} (${started.definition.key} v${started.definition.version})`,
    );
    await watch(ctx, started.instanceId, options);
    return;
  }
  ctx.out.result(started, () => [
    started.instanceId,
    `  ${started.definition.key} v${started.definition.version}`,
    ...(started.links.temporalUi ? [`  ${started.links.temporalUi}`] : []),
  ]);
}
