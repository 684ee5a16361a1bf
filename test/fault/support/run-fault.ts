/**
 * One fault-suite run: its own Temporal dev server (persistent, killable), its own worker and
 * API as real processes (test/e2e/support/own-stack.ts), the fake callback service and webhook
 * receiver; `instances` instances of the fault model driven through the API while the worker,
 * the API and Temporal are each SIGKILLed `killsPerKind` times at seeded random moments and
 * restarted; then the judgement (checks.ts). Used by test/fault/run.ts and the jest test.
 */
import { OwnStack } from '../../e2e/support/own-stack';
import { runKills, planKills, seededRandom, type DoneKill, type KillKind } from './chaos';
import { judge, type Findings } from './checks';
import { RetryingClient } from './client';
import { driveInstance, type DrivenInstance } from './driver';
import { FaultCallbackService, WebhookReceiver } from './fake-services';
import { FAULT_CHILD_XML, FAULT_PROCESS_XML } from './model';
import { failingWorkflows } from './temporal-health';
import { KillableTemporal } from './temporal-process';

export interface FaultOptions {
  instances: number;
  seed: number;
  killsPerKind: number;
  /** How long the instances may take to complete after the first start (ms). */
  budgetMs: number;
  log?: (line: string) => void;
}

export interface FaultReport extends Findings {
  seed: number;
  instances: number;
  kills: Record<KillKind, number>;
  killLog: DoneKill[];
  callbackRequests: number;
  webhookDeliveries: number;
  clientRetries: number;
  wallMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the suite once and reports; every process it started is stopped before it returns. */
export async function runFault(opts: FaultOptions): Promise<FaultReport> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const t0 = Date.now();
  const random = seededRandom(opts.seed);
  const temporal = new KillableTemporal();
  const callbacks = new FaultCallbackService();
  const webhooks = new WebhookReceiver();
  let stack: OwnStack | undefined;
  try {
    await Promise.all([temporal.start(), callbacks.start(), webhooks.start()]);
    stack = new OwnStack('fault', { TEMPORAL_ADDRESS: temporal.address });
    await stack.start();
    const own = stack;
    const client = new RetryingClient(() => own.url);
    await prepare(client, webhooks.url);
    log(`[fault] stack ready in ${((Date.now() - t0) / 1000).toFixed(1)}s; seed ${opts.seed}`);

    const driven: DrivenInstance[] = Array.from({ length: opts.instances }, (_, index) => ({
      index,
      orderId: `order-${opts.seed}-${index}`,
    }));
    const loadStart = Date.now();
    const deadline = loadStart + opts.budgetMs;
    const gaps = driven.map(() => 50 + Math.round(random() * 250));
    const startSpanMs = gaps.reduce((a, b) => a + b, 0);
    const plan = planKills(random, opts.killsPerKind, 1000, startSpanMs + 8000);
    const kill = (kind: KillKind): Promise<void> =>
      kind === 'worker'
        ? own.killAndRestartWorker()
        : kind === 'api'
          ? own.killAndRestartApi()
          : temporal.killAndRestart();
    const chaos = runKills(plan, loadStart, kill, log);
    const drives: Promise<void>[] = [];
    for (const [i, instance] of driven.entries()) {
      drives.push(
        driveInstance(client, instance, callbacks.url, deadline).catch((err: Error) => {
          instance.error = err.message;
        }),
      );
      await sleep(gaps[i]);
    }
    const progress = setInterval(() => log(progressLine(driven, loadStart)), 15_000);
    const killLog = await chaos;
    await Promise.all(drives).finally(() => clearInterval(progress));
    log(`[fault] load settled ${((Date.now() - loadStart) / 1000).toFixed(1)}s after it began`);

    await waitForWebhooks(driven, webhooks, deadline);
    const final = new Map<string, any>();
    for (const instance of driven) {
      if (!instance.instanceId) continue;
      const path = `/instances/${encodeURIComponent(instance.instanceId)}`;
      const got = await client.call('GET', path).catch(() => undefined);
      if (got?.status === 200) final.set(instance.instanceId, got.body);
      else if (got?.status !== 404) final.set(instance.instanceId, instance.last);
    }
    const findings = judge(driven, final, callbacks.records, webhooks.deliveries);
    // Waymark's own workflows (mailboxes, notifications, children) count as stuck too.
    findings.stuck.push(...(await failingWorkflows(temporal.address)));
    const kills = { worker: 0, api: 0, temporal: 0 };
    for (const k of killLog) kills[k.kind] += 1;
    return {
      seed: opts.seed,
      instances: opts.instances,
      kills,
      killLog,
      ...findings,
      callbackRequests: [...callbacks.records.values()].reduce((n, r) => n + r.requests, 0),
      webhookDeliveries: webhooks.deliveries.length,
      clientRetries: client.retries,
      wallMs: Date.now() - t0,
    };
  } finally {
    callbacks.close();
    webhooks.close();
    await stack?.stop();
    await temporal.stop();
  }
}

function progressLine(driven: DrivenInstance[], loadStart: number): string {
  const count = (status: string) => driven.filter((d) => d.last?.status === status).length;
  const started = driven.filter((d) => d.instanceId).length;
  return (
    `[fault] t+${((Date.now() - loadStart) / 1000).toFixed(0)}s: ${started} started, ` +
    `${count('COMPLETED')} completed, ${count('RUNNING')} running`
  );
}

/** Deploys the child and the parent and subscribes the receiver to `run.completed`. */
async function prepare(client: RetryingClient, receiverUrl: string): Promise<void> {
  for (const xml of [FAULT_CHILD_XML, FAULT_PROCESS_XML]) {
    const res = await client.call('POST', '/definitions?deploy=true', xml);
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`deploy: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const hook = await client.call('POST', '/webhooks', {
    url: `${receiverUrl}/hooks`,
    events: ['run.completed'],
  });
  if (hook.status !== 201) throw new Error(`webhook: ${hook.status} ${JSON.stringify(hook.body)}`);
}

/** Waits until each completed instance's `run.completed` arrived, or the deadline. */
async function waitForWebhooks(
  driven: DrivenInstance[],
  webhooks: WebhookReceiver,
  deadline: number,
): Promise<void> {
  const wanted = driven
    .filter((d) => d.last?.status === 'COMPLETED')
    .map((d) => d.instanceId as string);
  while (Date.now() < deadline) {
    const got = new Set(
      webhooks.deliveries.filter((d) => d.event === 'run.completed').map((d) => d.runId),
    );
    if (wanted.every((id) => got.has(id))) return;
    await sleep(500);
  }
}
