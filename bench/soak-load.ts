/**
 * The soak test's load generator (bench/soak.ts): API calls alternate over the API processes
 * still alive — a call that fails in transport or with a 5xx goes to the next one, with the same
 * `Idempotency-Key`, so a start retried after an API died mid-request starts nothing twice — and
 * one logical instance runs start → (user task completed through the other API) → completed,
 * timed from the start call to Temporal's completion.
 */
import type { Client } from '@temporalio/client';
import type { Proc } from './soak-stack';
import type { SoakModel } from './soak-models';

export interface Outcome {
  index: number;
  model: string;
  instanceId: string;
  phase: string;
  latencyMs: number;
  completedAt: number;
  ok: boolean;
  error?: string;
}

/** Round-robin over live API processes; counts the calls that had to be retried elsewhere. */
export class Apis {
  private turn = 0;
  readonly dead = new Set<string>();
  readonly retries: Record<string, number> = {};

  constructor(private readonly procs: Proc[]) {}

  private next(): Proc {
    const live = this.procs.filter((p) => !this.dead.has(p.name));
    if (live.length === 0) throw new Error('no API process is alive');
    return live[this.turn++ % live.length];
  }

  /** One call; transport errors and 5xx are retried on the next API (up to 20 times). */
  async call(
    method: string,
    urlPath: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: any }> {
    for (let attempt = 0; ; attempt++) {
      const api = this.next();
      try {
        const res = await fetch(`${api.url}${urlPath}`, {
          method,
          headers: { 'content-type': 'application/json', ...headers },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        if (res.status < 500) return { status: res.status, body: text ? JSON.parse(text) : {} };
        this.count(`HTTP ${res.status}`);
      } catch (err) {
        this.count(String((err as Error).cause ?? (err as Error).message).slice(0, 60));
        if (api.child.exitCode !== null || api.child.signalCode !== null) this.dead.add(api.name);
      }
      if (attempt >= 20) throw new Error(`${method} ${urlPath}: gave up after ${attempt} retries`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  private count(kind: string): void {
    this.retries[kind] = (this.retries[kind] ?? 0) + 1;
  }
}

/** Runs one logical instance to completion. */
export async function runOne(
  apis: Apis,
  client: Client,
  run: { tag: string; index: number; phase: string; model: SoakModel },
): Promise<Outcome> {
  const { index, model, phase } = run;
  const t0 = performance.now();
  const base = { index, model: model.key, phase, instanceId: '' };
  try {
    const started = await apis.call(
      'POST',
      `/definitions/${model.key}/instances`,
      { businessKey: `soak-${index}`, variables: { index } },
      { 'idempotency-key': `${run.tag}-${index}` },
    );
    if (started.status !== 201 && started.status !== 200)
      throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);
    const instanceId = started.body.instanceId as string;
    base.instanceId = instanceId;
    if (model.userTask) await completeTask(apis, instanceId, index % 2 === 0);
    await client.workflow.getHandle(instanceId).result();
    const completedAt = performance.now();
    return { ...base, latencyMs: completedAt - t0, completedAt, ok: true };
  } catch (err) {
    const completedAt = performance.now();
    return { ...base, latencyMs: completedAt - t0, completedAt, ok: false, error: String(err) };
  }
}

/** Waits for the user task and completes it; a retry that finds it gone (done) is fine. */
async function completeTask(apis: Apis, id: string, approved: boolean): Promise<void> {
  const path = `/instances/${encodeURIComponent(id)}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    const inst = await apis.call('GET', path);
    const task = inst.body?.userTasks?.[0];
    if (inst.body?.status === 'COMPLETED') return;
    if (task) {
      const done = await apis.call(
        'POST',
        `/user-tasks/${encodeURIComponent(task.flowElementInstanceId)}/complete`,
        { variables: { approved } },
      );
      if (done.status === 200) return;
    }
    if (Date.now() > deadline) throw new Error(`user task of ${id} never completed`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Runs `indices` with `concurrency` in flight; `onStarted(n)` after the n-th start is launched. */
export async function runPhase(
  indices: number[],
  concurrency: number,
  one: (index: number) => Promise<Outcome>,
  onStarted: (launched: number) => void = () => undefined,
): Promise<Outcome[]> {
  const out: Outcome[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < indices.length) {
      const index = indices[next++];
      onStarted(next);
      out.push(await one(index));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, indices.length) }, lane));
  return out;
}
