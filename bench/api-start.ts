/**
 * `npx tsx bench/api-start.ts [--n=300] [--gap=20] [--nodes=1]`: where the time of an HTTP
 * start goes. On the benchmark's stack (fresh dev server, worker, API in-process — `BenchEnv`)
 * it times the start call five ways:
 *
 * - `client`      `client.workflow.start` with the input and attributes the API gives it (arm B);
 * - `handler`     `startInstance()` called in-process on a second registry handle over the same
 *                 SQLite file: the API's own work, without HTTP;
 * - `http`        `POST /definitions/{key}/instances` as arm B-http sends it (undici `request`);
 * - `http-fetch`  the same POST with `fetch`: what the client library costs in this process;
 * - `http-noop`   `GET /health/live`: an HTTP round trip with no work behind it.
 *
 * Every start waits for its instance to complete before the next call (so no arm pays for
 * another's instance on the worker or the server), `--gap` ms apart, the arms in a fresh random
 * order each round. Prints p50/p99 per arm and the differences: http − client (the target),
 * handler − client (registry reads, input building), http − handler (HTTP and middleware).
 */
import path from 'node:path';
import pino from 'pino';
import { request } from 'undici';
import { startInstance } from '../src/api/start/start-instance';
import { loadConfig } from '../src/config';
import { openRegistry } from '../src/registry';
import { buildBundle, BenchEnv, TASK_QUEUE, type Started } from './harness';
import { quantile } from './measure';
import { sequentialStarts, type StartCall } from './sequential-starts';
import * as models from './models';

function arg(name: string, fallback: number): number {
  const v = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return v === undefined ? fallback : Number(v);
}

async function main(): Promise<void> {
  const n = arg('n', 300);
  const gap = arg('gap', 20);
  const nodes = arg('nodes', 1);
  const bundleFile = await buildBundle();
  const env = await BenchEnv.start({ bundleFile, maxCached: 1000 });
  const registry = await openRegistry({ sqliteFile: path.join(env.dir, 'registry.sqlite') });
  try {
    const deployed = await env.deploy(models.sequentialModel(nodes));
    const deps = {
      config: loadConfig({
        TEMPORAL_ADDRESS: env.server.address,
        WAYMARK_DATA_DIR: env.dir,
        WAYMARK_TASK_QUEUE: TASK_QUEUE,
      }),
      registry,
      temporal: { client: env.client },
      compile: () => Promise.reject(new Error('not used')),
      logger: pino({ level: 'silent' }),
    };
    const startUrl = `${env.api.url}/definitions/${deployed.key}/instances`;
    const arms: Record<string, StartCall> = {
      client: () => env.startBpmn(deployed, {}),
      handler: async () => (await startInstance(deps, deployed.key, { variables: {} })).response,
      http: () => env.startHttp(deployed, {}),
      'http-fetch': async () => {
        const res = await fetch(startUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ variables: {} }),
        });
        return (await res.json()) as Started;
      },
      'http-noop': async () => {
        await (await request(`${env.api.url}/health/live`)).body.json();
        return undefined;
      },
    };
    const names = Object.keys(arms);
    const times = await sequentialStarts(env.client, arms, n, {
      gapMs: gap,
      onRound: (done) => {
        if (done % 50 === 0) process.stderr.write(`${done}/${n}\n`);
      },
    });
    const p = (a: string, q: number): number => quantile(times[a], q);
    const fmt = (x: number): string => x.toFixed(2).padStart(7);
    console.log(`start call, ${n} per arm, ${gap} ms gap, seq-${nodes} model (ms)`);
    console.log(`${'arm'.padEnd(18)}    p50     p99`);
    for (const a of names) console.log(`${a.padEnd(18)}${fmt(p(a, 0.5))} ${fmt(p(a, 0.99))}`);
    for (const [a, b] of [
      ['http', 'client'],
      ['handler', 'client'],
      ['http', 'handler'],
    ]) {
      console.log(
        `${`${a} − ${b}`.padEnd(18)}${fmt(p(a, 0.5) - p(b, 0.5))} ${fmt(p(a, 0.99) - p(b, 0.99))}`,
      );
    }
  } finally {
    await registry.close();
    await env.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
