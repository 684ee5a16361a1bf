/**
 * Commands that act on instances and events: `cancel`, `incidents retry` (one incident, or
 * every open one), `messages send` (to one instance), `messages publish` (by name and
 * correlation key), `signals broadcast`, `variables set` (root-scope variables of a running
 * BPMN instance, `name=value` parsed as `start --var`). Each prints the API's answer.
 */
import type { CliContext } from '../context';
import { CliFailure, EXIT } from '../exit-codes';
import { parseVariables } from '../vars';
import { getInstance } from './inspect';

const enc = encodeURIComponent;

export interface VarOptions {
  var?: string[];
  vars?: string;
}

export async function cancel(ctx: CliContext, id: string): Promise<void> {
  const out = await ctx.client.request('POST', `/instances/${enc(id)}/cancel`);
  ctx.out.result(out, () => `${id} cancel requested`);
}

export async function retryIncidents(ctx: CliContext, id: string, incidentId?: string) {
  const ids = incidentId ? [incidentId] : (await getInstance(ctx, id)).incidents.map((i) => i.id);
  if (ids.length === 0) throw new CliFailure(`${id} has no open incidents`, EXIT.refused);
  const retried: unknown[] = [];
  for (const i of ids)
    retried.push(
      await ctx.client.request('POST', `/instances/${enc(id)}/incidents/${enc(i)}/retry`),
    );
  ctx.out.result({ instanceId: id, retried }, () => ids.map((i) => `retried incident ${i}`));
}

export interface SendOptions extends VarOptions {
  messageId?: string;
  correlationKey?: string;
  ttl?: string;
}

export async function sendMessage(ctx: CliContext, id: string, name: string, o: SendOptions) {
  const body = {
    name,
    variables: parseVariables(o.var, o.vars),
    ...(o.messageId ? { messageId: o.messageId } : {}),
    ...(o.correlationKey ? { correlationKey: o.correlationKey } : {}),
  };
  const out = await ctx.client.request('POST', `/instances/${enc(id)}/messages`, { body });
  ctx.out.result(out, () => `message ${name} sent to ${id}`);
}

function ttlOf(raw: string | undefined): number | string | undefined {
  if (raw === undefined) return undefined;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

export async function publishMessage(ctx: CliContext, name: string, o: SendOptions) {
  const ttl = ttlOf(o.ttl);
  const body = {
    name,
    variables: parseVariables(o.var, o.vars),
    ...(o.correlationKey ? { correlationKey: o.correlationKey } : {}),
    ...(ttl !== undefined ? { timeToLive: ttl } : {}),
    ...(o.messageId ? { messageId: o.messageId } : {}),
  };
  const out = await ctx.client.request<{ messageKey?: string }>('POST', '/messages/publication', {
    body,
  });
  ctx.out.result(
    out,
    () => `message ${name} published${out?.messageKey ? ` (${out.messageKey})` : ''}`,
  );
}

export async function broadcastSignal(ctx: CliContext, name: string, o: VarOptions) {
  const body = { signalName: name, variables: parseVariables(o.var, o.vars) };
  const out = await ctx.client.request<{ signalKey?: string }>('POST', '/signals/broadcast', {
    body,
  });
  ctx.out.result(
    out,
    () => `signal ${name} broadcast${out?.signalKey ? ` (${out.signalKey})` : ''}`,
  );
}

export async function setVariables(ctx: CliContext, id: string, pairs: string[]) {
  const variables = parseVariables(pairs, undefined, '');
  const out = await ctx.client.request<{ variables?: Record<string, unknown> }>(
    'PATCH',
    `/instances/${enc(id)}/variables`,
    { body: { variables } },
  );
  ctx.out.result(out, () => [
    `${id}: set ${Object.keys(variables).join(', ')}`,
    ...Object.entries(out?.variables ?? {}).map(([k, v]) => `  ${k} = ${JSON.stringify(v)}`),
  ]);
}
