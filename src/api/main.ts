/**
 * The API process: load the config, open (and migrate) the registry, connect to Temporal,
 * refuse an unsafe bind, listen, and shut down gracefully on SIGTERM/SIGINT. `startApi`
 * does all of it but signals, so the dev launcher can run the API in-process.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import type { Logger } from 'pino';
import { loadConfig } from '../config';
import type { Config } from '../config';
import { openRegistry, registryLocation } from '../registry';
import type { Registry } from '../registry';
import { createApp } from './app';
import type { ApiDeps } from './deps';
import { resyncSchedules } from './schedules/resync';
import { codecDataConverter } from '../temporal/codec/data-converter';
import { assertSafeBind } from './auth';
import { loadCompiler } from './compiler';
import type { CompileBpmn } from './compiler';

export interface StartApiOptions {
  logger?: Logger;
  /** Use this client instead of connecting one (it is not closed by `close()`). */
  client?: Client;
  /** Use this registry instead of opening one (it is not closed by `close()`). */
  registry?: Registry;
  compile?: CompileBpmn;
  /** Export Node process metrics on /metrics (default true). */
  defaultMetrics?: boolean;
}

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

/** Starts the API server; resolves once it listens. */
export async function startApi(config: Config, opts: StartApiOptions = {}): Promise<RunningApi> {
  assertSafeBind(config);
  const logger = opts.logger ?? pino({ level: config.LOG_LEVEL, name: 'waymark-api' });
  const compile = opts.compile ?? (await loadCompiler(config));
  const registry = opts.registry ?? (await openRegistry(registryLocation(config)));
  let connection: Connection | undefined;
  let client = opts.client;
  try {
    if (!client) {
      connection = await Connection.connect({ address: config.temporalAddress });
      client = new Client({
        connection,
        namespace: config.TEMPORAL_NAMESPACE,
        dataConverter: codecDataConverter(config),
      });
    }
  } catch (err) {
    if (!opts.registry) await registry.close();
    throw err;
  }

  const deps: ApiDeps = {
    config,
    registry,
    temporal: { client, timeoutMs: config.WAYMARK_TEMPORAL_TIMEOUT_MS },
    compile,
    logger,
    defaultMetrics: opts.defaultMetrics ?? true,
  };
  const app = createApp(deps);
  // Before listening, so no deploy can race it; a Temporal that refuses is logged, not fatal.
  await resyncSchedules(deps).catch((err: unknown) =>
    logger.warn({ err }, 'timer start schedules could not be resynced'),
  );
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, (err?: Error) =>
      err ? reject(err) : resolve(s),
    );
  });
  // Idle keep-alive connections outlive the clients' pools (undici keeps them 4 s, load
  // balancers up to 60 s), so a client never reuses a socket the server is just closing.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const { port } = server.address() as AddressInfo;
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  const url = `http://${host}:${port}`;
  if (config.apiKeys.length === 0)
    logger.warn({ url }, 'no API keys configured: listening on loopback only, unauthenticated');
  logger.info(
    { url, temporal: config.temporalAddress, namespace: config.TEMPORAL_NAMESPACE },
    'Waymark API listening',
  );

  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        if (connection) await connection.close();
        if (!opts.registry) await registry.close();
        logger.info('Waymark API stopped');
      })();
      return closing;
    },
  };
}

async function run(): Promise<void> {
  const config = loadConfig();
  const api = await startApi(config);
  const stop = (signal: string) => {
    console.error(`${signal}: shutting down`);
    api.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) {
  run().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
