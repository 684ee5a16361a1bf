/**
 * `npx tsx bench/soak.ts [--n=2000] [--concurrency=16]` (on demand, never in CI): Waymark
 * scaled out on this machine — Temporal on PostgreSQL (scripts/temporal-postgres.sh), the
 * registry on PostgreSQL (`DATABASE_URL`), two API processes (calls alternate) and up to two
 * workers, under a mixed load (bench/soak-models.ts: sequential tasks, a parallel timer, a
 * user task completed through the other API). Three phases of the instances: one worker; two
 * workers; then one worker and one API process are killed with SIGKILL a quarter into the
 * phase and the load goes on. Checks that every instance completed, that none was started
 * twice (one execution per business key in Temporal's visibility) and that no element ran
 * twice (each trail exactly the model's path), and writes instances/s, p50/p99 and the
 * retried calls per phase to bench/RESULTS.md (below the marker). Exits 1 when a check fails.
 */
import os from 'node:os';
import { Client, Connection } from '@temporalio/client';
import { quantile } from './measure';
import { writeExtraSection } from './extra-sections';
import { Apis, runOne, runPhase, type Outcome } from './soak-load';
import { soakModels } from './soak-models';
import { SoakStack, type Proc } from './soak-stack';

const arg = (name: string, fallback: number): number => {
  const v = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return v === undefined ? fallback : Number(v);
};
const f = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const load = (): string =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');

interface PhaseReport {
  name: string;
  outcomes: Outcome[];
  seconds: number;
}

async function main(): Promise<void> {
  const n = arg('n', 2000);
  const concurrency = arg('concurrency', 16);
  const loadBefore = load();
  const began = Date.now();
  const stack = new SoakStack();
  let connection: Connection | undefined;
  try {
    console.log(`soak: starting Temporal on PostgreSQL in ${stack.dir}`);
    await stack.startTemporal();
    const api1 = await stack.startApi('api-1');
    const api2 = await stack.startApi('api-2');
    const worker1 = await stack.startWorker('worker-1');
    console.log(`soak: Temporal ${stack.temporalAddress}, APIs ${api1.url} ${api2.url}`);
    connection = await Connection.connect({ address: stack.temporalAddress });
    const client = new Client({ connection });
    const apis = new Apis([api1, api2]);
    await deploy(api1);
    const tag = `soak-${process.pid}-${Date.now()}`;
    const one = (phase: string) => (index: number) =>
      runOne(apis, client, { tag, index, phase, model: soakModels[index % soakModels.length] });
    const [n1, n2] = [Math.floor(n * 0.35), Math.floor(n * 0.35)];
    const range = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => from + i);
    const phases: PhaseReport[] = [];
    const phase = async (name: string, indices: number[], onStarted?: (k: number) => void) => {
      console.log(`soak: phase '${name}': ${indices.length} instances (load ${load()})`);
      const t0 = performance.now();
      const outcomes = await runPhase(indices, concurrency, one(name), onStarted);
      const last = Math.max(...outcomes.map((o) => o.completedAt));
      phases.push({ name, outcomes, seconds: (last - t0) / 1000 });
    };
    await phase('1 worker, 2 APIs', range(0, n1));
    await stack.startWorker('worker-2');
    await phase('2 workers, 2 APIs', range(n1, n1 + n2));
    const rest = range(n1 + n2, n);
    const killAt = Math.max(1, Math.floor(rest.length / 4));
    await phase('worker-1 and api-2 killed (SIGKILL) at 1/4', rest, (k) => {
      if (k !== killAt) return;
      console.log(`soak: killing worker-1 and api-2 with ${concurrency} instances in flight`);
      stack.kill(worker1);
      stack.kill(api2);
    });
    const outcomes = phases.flatMap((p) => p.outcomes);
    const checks = await verify(client, stack.queue, api1, outcomes);
    const ok = checks.every(([, , pass]) => pass);
    report({
      n,
      concurrency,
      phases,
      apis,
      checks,
      loadBefore,
      seconds: (Date.now() - began) / 1000,
    });
    console.log(ok ? 'soak: all checks hold' : 'soak: a check failed (bench/RESULTS.md)');
    process.exitCode = ok ? 0 : 1;
  } finally {
    await connection?.close();
    await stack.stopAll();
  }
}

async function deploy(api: Proc): Promise<void> {
  for (const model of soakModels) {
    const res = await fetch(`${api.url}/definitions?deploy=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: model.xml,
    });
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`deploy ${model.key}: ${res.status} ${await res.text()}`);
  }
}

type Check = [string, string, boolean];

/** Completed, once each in visibility, and each trail exactly its model's path. */
async function verify(
  client: Client,
  queue: string,
  api: Proc,
  outcomes: Outcome[],
): Promise<Check[]> {
  const failed = outcomes.filter((o) => !o.ok);
  const perKey = new Map<string, string[]>();
  const deadline = Date.now() + 120_000;
  do {
    perKey.clear();
    for await (const wf of client.workflow.list({ query: `TaskQueue = '${queue}'` })) {
      const key = String(wf.searchAttributes?.WaymarkBusinessKey?.[0] ?? wf.workflowId);
      perKey.set(key, [...(perKey.get(key) ?? []), wf.status.name]);
    }
    const closed = [...perKey.values()].flat().every((s) => s !== 'RUNNING');
    if (perKey.size >= outcomes.length && closed) break;
    await new Promise((r) => setTimeout(r, 2000));
  } while (Date.now() < deadline);
  const executions = [...perKey.values()].flat();
  const twice = [...perKey.entries()].filter(([, s]) => s.length > 1).map(([k]) => k);
  const badTrails: string[] = [];
  for (const o of outcomes.filter((x) => x.ok)) {
    const res = await fetch(`${api.url}/instances/${encodeURIComponent(o.instanceId)}`);
    const body = (await res.json()) as { trail?: { elementId: string }[] };
    const trail = (body.trail ?? []).map((t) => t.elementId).sort();
    const expected = [...(soakModels.find((m) => m.key === o.model)?.trail ?? [])];
    // the approval model ends without Record when the task was completed with approved=false
    if (o.model === 'soak-approval' && o.index % 2 !== 0)
      expected.splice(expected.indexOf('Record'), 1);
    if (JSON.stringify(trail) !== JSON.stringify(expected.sort())) badTrails.push(o.instanceId);
  }
  const completed = executions.filter((s) => s === 'COMPLETED').length;
  return [
    [
      'every instance completed (load generator)',
      `${outcomes.length - failed.length} of ${outcomes.length}${failed[0] ? `; first error: ${failed[0].error}` : ''}`,
      failed.length === 0,
    ],
    [
      'Temporal executions on the queue = instances, all COMPLETED',
      `${executions.length} executions, ${completed} completed, ${perKey.size} business keys`,
      executions.length === outcomes.length && completed === outcomes.length,
    ],
    [
      'no instance started twice (one execution per business key)',
      `${twice.length} keys with more${twice[0] ? ` (e.g. ${twice[0]})` : ''}`,
      twice.length === 0,
    ],
    [
      'no element ran twice (each trail exactly the model path)',
      `${badTrails.length} trails differ${badTrails[0] ? ` (e.g. ${badTrails[0]})` : ''}`,
      badTrails.length === 0,
    ],
  ];
}

function report(r: {
  n: number;
  concurrency: number;
  phases: PhaseReport[];
  apis: Apis;
  checks: Check[];
  loadBefore: string;
  seconds: number;
}): void {
  const rows = r.phases.map((p) => {
    const lat = p.outcomes.filter((o) => o.ok).map((o) => o.latencyMs);
    const errors = p.outcomes.filter((o) => !o.ok).length;
    return `| ${p.name} | ${p.outcomes.length} | ${f(p.outcomes.length / p.seconds, 2)} | ${f(quantile(lat, 0.5), 0)} | ${f(quantile(lat, 0.99), 0)} | ${errors} |`;
  });
  const retried =
    Object.entries(r.apis.retries)
      .map(([k, v]) => `${v} × ${k}`)
      .join('; ') || 'none';
  const lines = [
    `- date: ${new Date().toISOString()}; command: \`npx tsx bench/soak.ts --n=${r.n} --concurrency=${r.concurrency}\`; took ${f(r.seconds, 0)} s`,
    `- load average (1 / 5 / 15 min): before ${r.loadBefore}, after ${load()}; ${os.cpus().length} cores (shared)`,
    '- Temporal server (the version the CLI v1.5.1 embeds) on PostgreSQL, 4 history shards, by scripts/temporal-postgres.sh; registry on the same PostgreSQL (`DATABASE_URL`); 2 API and 2 worker processes (`tsx`), calls alternating over the live APIs',
    `- mixed load, ${r.concurrency} instances in flight: ${soakModels.map((m) => m.key).join(', ')} in turn (latency = start call → completed in Temporal, user task included)`,
    '',
    '| phase | instances | instances/s | p50 ms | p99 ms | failed |',
    '| ----- | --------- | ----------- | ------ | ------ | ------ |',
    ...rows,
    '',
    `- API calls retried on the other API: ${retried}`,
    '',
    '| check | measured | holds |',
    '| ----- | -------- | ----- |',
    ...r.checks.map(
      ([name, measured, pass]) =>
        `| ${name} | ${measured.replace(/\|/g, '/')} | ${pass ? 'yes' : 'no'} |`,
    ),
  ];
  writeExtraSection(
    '## Soak: scaled out on Temporal on PostgreSQL (bench/soak.ts, issue 19)',
    lines.join('\n'),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
