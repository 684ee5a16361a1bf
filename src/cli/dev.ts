/**
 * `npm start`: the whole stack on one machine. Starts the Temporal dev server (unless
 * TEMPORAL_ADDRESS names an existing one), one worker and the API; waits until each is ready;
 * deploys `examples/`; prints the API, docs and Web UI URLs. Ctrl-C / SIGTERM stops everything
 * in order: the API stops accepting, the worker drains, the dev server stops.
 */
import path from 'node:path';
import { startApi } from '../api/main';
import { ConfigError, loadConfig } from '../config';
import { ensurePrivateDir } from '../private-files';
import { startDevServer, type DevServer } from '../temporal/dev-server';
import { startWorker } from '../worker/main';
import { deployExamples } from './deploy-examples';

async function run(): Promise<void> {
  const config = loadConfig();
  ensurePrivateDir(config.dataDir);
  const say = (line: string): void => console.log(`[waymark] ${line}`);
  if (config.WAYMARK_OUTBOUND_ALLOW === undefined) {
    // The dev stack's own services (and a customer's on this machine) listen on loopback.
    config.WAYMARK_OUTBOUND_ALLOW = '127.0.0.0/8,::1';
    say('outbound calls may reach loopback (dev stack; set WAYMARK_OUTBOUND_ALLOW to change)');
  }

  let devServer: DevServer | undefined;
  if (!config.TEMPORAL_ADDRESS) {
    say(
      `starting Temporal dev server on 127.0.0.1:${config.TEMPORAL_PORT} (Web UI ${config.TEMPORAL_UI_PORT}, data ${config.dataDir})`,
    );
    devServer = await startDevServer({
      port: config.TEMPORAL_PORT,
      uiPort: config.TEMPORAL_UI_PORT,
      dbFile: path.join(config.dataDir, 'temporal.sqlite'),
      logFile: path.join(config.dataDir, 'temporal.log'),
      namespace: config.TEMPORAL_NAMESPACE,
      onProgress: (line) => say(line),
      // With the codec on, the Web UI decodes payloads through the API's codec endpoint.
      extraArgs: config.codecKeys.length
        ? ['--ui-codec-endpoint', `${config.publicUrl}/codec`]
        : [],
    });
  }
  say(`Temporal at ${config.temporalAddress}; bundling workflows and starting the worker`);
  const worker = await startWorker(config);
  const api = await startApi(config);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping (API stops accepting, worker drains)`);
    await api.close();
    await worker.stop();
    await devServer?.stop();
    say('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  void worker.done.catch((err: unknown) => {
    console.error('worker stopped unexpectedly', err);
    void stop('worker failure');
  });

  const examplesDir = path.resolve(config.WAYMARK_EXAMPLES_DIR);
  const auth: Record<string, string> = config.apiKeys[0]
    ? { authorization: `Bearer ${config.apiKeys[0]}` }
    : {};
  for (const r of await deployExamples(api.url, examplesDir, auth)) {
    say(
      r.status < 300
        ? `deployed ${r.file} as ${r.key} v${r.version}`
        : `could not deploy ${r.file}: ${r.status} ${r.problem ?? ''}`,
    );
  }

  say('ready');
  console.log(`  API:     ${api.url}`);
  console.log(`  Docs:    ${api.url}/docs`);
  console.log(
    `  Web UI:  ${config.temporalUiUrl}/namespaces/${config.TEMPORAL_NAMESPACE}/workflows`,
  );
}

run().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
