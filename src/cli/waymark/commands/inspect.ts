/** `waymark inspect <instance>`: status, active elements, incidents, user tasks, trail, variables. */
import type { CliContext } from '../context';
import { renderInstance } from './instance-view';
import type { InstanceView } from './instance-view';

/** Reads one instance through `GET /instances/{id}`. */
export function getInstance(ctx: CliContext, id: string): Promise<InstanceView> {
  return ctx.client.request<InstanceView>('GET', `/instances/${encodeURIComponent(id)}`);
}

export async function inspect(ctx: CliContext, id: string): Promise<void> {
  const view = await getInstance(ctx, id);
  ctx.out.result(view, () => renderInstance(view));
}
