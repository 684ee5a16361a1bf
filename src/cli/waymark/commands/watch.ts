/**
 * `waymark watch <instance>`: follows an instance until it closes, printing each element as
 * it completes, each element that becomes active and each incident as it appears. It polls
 * `GET /instances/{id}` (every `--interval` ms, backing off to 4× while nothing changes) and
 * exits 0 when the instance COMPLETED, 4 when it ended otherwise, 5 at `--timeout`.
 * With `--json` it prints only the final instance.
 */
import type { CliContext } from '../context';
import { CliFailure, EXIT } from '../exit-codes';
import { getInstance } from './inspect';
import { TERMINAL, incidentLine, label } from './instance-view';
import type { InstanceView } from './instance-view';

export interface WatchOptions {
  /** Poll interval in ms (default 500). */
  interval?: number;
  /** Give up after this many seconds (default: never). */
  timeout?: number;
}

/** What has been printed already, so each change prints once. */
class Seen {
  private readonly trail = new Set<string>();
  private readonly active = new Set<string>();
  private readonly incidents = new Set<string>();

  /** The lines for what changed since the last view; empty when nothing did. */
  changes(v: InstanceView): string[] {
    const lines: string[] = [];
    for (const t of v.trail)
      if (this.mark(this.trail, t.flowElementInstanceId)) lines.push(`✓ ${label(t)}`);
    for (const a of v.activeElements)
      if (this.mark(this.active, a.flowElementInstanceId)) lines.push(`… ${label(a)}`);
    for (const i of v.incidents)
      if (this.mark(this.incidents, i.id)) lines.push(`! ${incidentLine(i)}`);
    return lines;
  }

  private mark(set: Set<string>, id: string): boolean {
    if (set.has(id)) return false;
    set.add(id);
    return true;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function watch(ctx: CliContext, id: string, options: WatchOptions): Promise<void> {
  const base = options.interval ?? 500;
  const deadline = options.timeout !== undefined ? Date.now() + options.timeout * 1000 : Infinity;
  const seen = new Seen();
  let wait = base;
  for (;;) {
    const view = await getInstance(ctx, id);
    const lines = seen.changes(view);
    for (const line of lines) ctx.out.line(line);
    if (TERMINAL.has(view.status)) return finish(ctx, view);
    if (Date.now() + wait > deadline) {
      ctx.out.result(view, () => `${id} still ${view.status} after ${options.timeout} s`);
      throw new CliFailure(`${id} still running at the timeout`, EXIT.timedOut, null);
    }
    wait = lines.length > 0 ? base : Math.min(wait * 2, base * 4);
    await sleep(wait);
  }
}

function finish(ctx: CliContext, view: InstanceView): void {
  ctx.out.result(view, () => `${view.instanceId} ${view.status}`);
  if (view.status !== 'COMPLETED')
    throw new CliFailure(`${view.instanceId} ended ${view.status}`, EXIT.notCompleted, null);
}
