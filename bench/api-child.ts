/**
 * The benchmark's API, in its own process as in production (`src/api/main.ts`): the load
 * generator's own callbacks (starts, result long-polls of every instance in flight) then do not
 * queue in front of the API's request handling. Started by bench/harness.ts with
 * BENCH_TEMPORAL_ADDRESS, BENCH_DATA_DIR and BENCH_TASK_QUEUE; answers `ready` with its URL over
 * IPC and stops on `stop`.
 */
import pino from 'pino';
import { startApi } from '../src/api/main';
import { loadConfig } from '../src/config';

export type FromApi = { type: 'ready'; url: string } | { type: 'error'; message: string };

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

async function run(): Promise<void> {
  const config = loadConfig({
    PORT: '0',
    TEMPORAL_ADDRESS: env('BENCH_TEMPORAL_ADDRESS'),
    WAYMARK_DATA_DIR: env('BENCH_DATA_DIR'),
    WAYMARK_TASK_QUEUE: env('BENCH_TASK_QUEUE'),
    LOG_LEVEL: 'silent',
  });
  const api = await startApi(config, { logger: pino({ level: 'silent' }), defaultMetrics: false });
  process.on('message', (m: { type: 'stop' }) => {
    if (m.type === 'stop') void api.close().then(() => process.exit(0));
  });
  process.send?.({ type: 'ready', url: api.url } satisfies FromApi);
}

run().catch((err: unknown) => {
  process.send?.({ type: 'error', message: String(err) } satisfies FromApi);
  console.error(err);
  process.exit(1);
});
