/**
 * `npm run temporal`: the Temporal dev server (server + Web UI) on its own, with the same
 * ports, SQLite file, namespace and search attributes as `npm start`, for running the API and
 * the worker as separate processes (`npm run build`, then `TEMPORAL_ADDRESS=127.0.0.1:7233
 * npm run start:api` and `npm run start:worker`). Ctrl-C / SIGTERM stops it.
 */
import path from 'node:path';
import { loadConfig } from '../config';
import { ensurePrivateDir } from '../private-files';
import { startDevServer } from '../temporal/dev-server';

async function run(): Promise<void> {
  const config = loadConfig();
  ensurePrivateDir(config.dataDir);
  const say = (line: string): void => console.log(`[temporal] ${line}`);
  const server = await startDevServer({
    port: config.TEMPORAL_PORT,
    uiPort: config.TEMPORAL_UI_PORT,
    dbFile: path.join(config.dataDir, 'temporal.sqlite'),
    logFile: path.join(config.dataDir, 'temporal.log'),
    namespace: config.TEMPORAL_NAMESPACE,
    onProgress: say,
  });
  say(`ready: ${server.address} (Web UI ${server.uiUrl})`);
  const stop = (): void => {
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
