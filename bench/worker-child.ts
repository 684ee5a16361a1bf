/**
 * The benchmark's worker, in its own process so its CPU time and memory can be read apart
 * from the load generator's. It runs the production worker (`createWaymarkWorker`) on the
 * pre-built bundle that holds both arms, and answers the parent over IPC:
 * `stats` → CPU time, RSS, peak RSS (VmHWM), heap, worker status; `resetPeak` → restarts the
 * VmHWM count (/proc/self/clear_refs); `gc`; `stop` → drains and exits.
 * Started by bench/harness.ts with BENCH_TEMPORAL_ADDRESS, BENCH_TASK_QUEUE, BENCH_BUNDLE and
 * BENCH_MAX_CACHED in its environment.
 */
import { openRegistry } from '../src/registry';
import { registryLookup } from '../src/worker/lookup';
import fs from 'node:fs';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { callbackSecret } from '../src/callbacks/signing';
import { HAND_ACTIVITY_QUEUE, handActivities } from './callback';
import { Outbound, OutboundPolicy } from '../activities/outbound';
import { createWaymarkWorker } from '../src/worker/create-worker';

export interface WorkerStats {
  cpuUserUs: number;
  cpuSystemUs: number;
  rssBytes: number;
  peakRssBytes: number;
  heapUsedBytes: number;
  cachedWorkflows: number;
  inFlightActivations: number;
  inFlightActivities: number;
}

export type ToWorker = { type: 'stats' | 'resetPeak' | 'gc' | 'stop'; id: number };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'reply'; id: number; stats?: WorkerStats }
  | { type: 'error'; message: string };

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

/** VmHWM / VmRSS from /proc (bytes). */
function procStatus(field: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
    fs.readFileSync('/proc/self/status', 'utf8'),
  );
  return m ? Number(m[1]) * 1024 : NaN;
}

async function run(): Promise<void> {
  const send = (m: FromWorker): void => void process.send?.(m);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const connection = await NativeConnection.connect({ address: env('BENCH_TEMPORAL_ADDRESS') });
  const worker = await createWaymarkWorker({
    connection,
    namespace: 'default',
    taskQueue: env('BENCH_TASK_QUEUE'),
    workflowBundle: {
      code: fs.readFileSync(env('BENCH_BUNDLE'), 'utf8'),
      sourceMap: fs.readFileSync(`${env('BENCH_BUNDLE')}.map`, 'utf8'),
    },
    maxCachedWorkflows: Number(env('BENCH_MAX_CACHED')),
    activities: {
      // The bench's services listen on loopback.
      outbound: new Outbound(new OutboundPolicy(['127.0.0.0/8', '::1'])),
      http: { timeoutMs: 30_000, maxResponseBytes: 5 * 1024 * 1024 },
      // The `callback` scenario's custom activity, signed with the bench API's secret.
      callback: {
        publicUrl: env('BENCH_API_URL'),
        secret: callbackSecret({ WAYMARK_SECRET: undefined, dataDir: env('BENCH_DATA_DIR') }),
        timeoutMs: 30_000,
        tokenTtlMs: 86_400_000,
      },
      // The API's registry: a run continued as new loads its pinned IR from it (irRef).
      lookupDefinition: registryLookup(
        await openRegistry({ sqliteFile: env('BENCH_REGISTRY_FILE') }),
      ),
    },
  });
  // The hand-written callback arm's own activity, on a queue of its own (bench/callback.ts).
  const handWorker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue: HAND_ACTIVITY_QUEUE,
    activities: handActivities(),
  });
  const done = Promise.all([worker.run(), handWorker.run()]);
  process.on('message', (m: ToWorker) => {
    switch (m.type) {
      case 'stats': {
        const cpu = process.cpuUsage();
        const s = worker.getStatus();
        send({
          type: 'reply',
          id: m.id,
          stats: {
            cpuUserUs: cpu.user,
            cpuSystemUs: cpu.system,
            rssBytes: procStatus('VmRSS'),
            peakRssBytes: procStatus('VmHWM'),
            heapUsedBytes: process.memoryUsage().heapUsed,
            cachedWorkflows: s.numCachedWorkflows,
            inFlightActivations: s.numInFlightWorkflowActivations,
            inFlightActivities: s.numInFlightActivities,
          },
        });
        return;
      }
      case 'resetPeak':
        fs.writeFileSync('/proc/self/clear_refs', '5');
        send({ type: 'reply', id: m.id });
        return;
      case 'gc':
        (globalThis as { gc?: () => void }).gc?.();
        send({ type: 'reply', id: m.id });
        return;
      case 'stop':
        worker.shutdown();
        handWorker.shutdown();
        void done.then(() => send({ type: 'reply', id: m.id }));
        return;
    }
  });
  while (worker.getState() === 'INITIALIZED') await new Promise((r) => setTimeout(r, 20));
  send({ type: 'ready' });
  await done;
  await connection.close();
  process.disconnect?.();
}

run().catch((err) => {
  process.send?.({ type: 'error', message: String(err?.stack ?? err) });
  console.error(err);
  process.exit(1);
});
