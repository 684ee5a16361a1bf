/**
 * The worker process: connects to Temporal and the registry, runs the interpreter workflow and
 * the built-in activities on the default task queue, and drains on SIGTERM/SIGINT (in-flight
 * tasks finish, then it exits). `startWorker` is also used in-process by `npm start`.
 */
import type { Worker, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { Outbound, OutboundPolicy } from '../../activities/outbound';
import { SecretStore } from '../../activities/secrets';
import { callbackSecret } from '../callbacks/signing';
import { loadConfig, type Config } from '../config';
import { openRegistry, registryLocation } from '../registry';
import { codecDataConverter } from '../temporal/codec/data-converter';
import { connectClient, connectWorker } from '../temporal/connection';
import { createWaymarkWorker } from './create-worker';
import { describeDeployment, workerDeploymentOptions } from './deployment';
import { registryLookup } from './lookup';
import { workerMessageStarts } from './message-starts';
import { findDecisionVersion } from '../registry/decision-versions';
import { workerBroadcast } from './signal-broadcast';

export interface RunningWorker {
  worker: Worker;
  /** Resolves when the worker has stopped. */
  done: Promise<void>;
  /** Drains and stops the worker, then closes its connections. */
  stop(): Promise<void>;
}

/** Starts a worker and resolves once it is polling. */
export async function startWorker(
  config: Config,
  opts: { workflowBundle?: WorkflowBundleWithSourceMap } = {},
): Promise<RunningWorker> {
  const deployment = workerDeploymentOptions(config);
  const registry = await openRegistry(registryLocation(config));
  const connection = await connectWorker(config);
  const client = await connectClient(config);
  const worker = await createWaymarkWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.WAYMARK_TASK_QUEUE,
    workflowBundle: opts.workflowBundle,
    payloadLimit: config.WAYMARK_PAYLOAD_LIMIT,
    dataConverter: codecDataConverter(config),
    deployment,
    activities: {
      outbound: new Outbound(OutboundPolicy.fromList(config.WAYMARK_OUTBOUND_ALLOW)),
      secrets: SecretStore.fromEnvironment(process.env, config.WAYMARK_SECRETS_FILE),
      http: {
        timeoutMs: config.WAYMARK_HTTP_TIMEOUT_MS,
        maxResponseBytes: config.WAYMARK_HTTP_MAX_RESPONSE_BYTES,
      },
      lookupDefinition: registryLookup(registry),
      lookupDecision: (key, binding) => findDecisionVersion(registry.definitions, key, binding),
      broadcastSignal: workerBroadcast(config, registry, client),
      messageStarts: workerMessageStarts(config, registry),
      webhooks: {
        forEvent: (event) => registry.webhooks.forEvent(event),
        withSecret: (id) => registry.webhooks.withSecret(id),
      },
      callback: {
        publicUrl: config.publicUrl,
        secret: callbackSecret(config),
        timeoutMs: config.WAYMARK_HTTP_TIMEOUT_MS,
        tokenTtlMs: config.WAYMARK_CALLBACK_TTL_DAYS * 86_400_000,
      },
      ai: {
        baseUrl: config.WAYMARK_AI_BASE_URL,
        model: config.WAYMARK_AI_MODEL,
        apiKey: config.WAYMARK_AI_API_KEY,
        timeoutMs: config.WAYMARK_AI_TIMEOUT_MS,
        maxResponseBytes: config.WAYMARK_HTTP_MAX_RESPONSE_BYTES,
      },
    },
  });
  const done = worker.run().finally(async () => {
    await connection.close();
    await client.connection.close();
    await registry.close();
  });
  await waitRunning(worker);
  return {
    worker,
    done,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}

async function waitRunning(worker: Worker): Promise<void> {
  while (worker.getState() === 'INITIALIZED') await new Promise((r) => setTimeout(r, 50));
  if (worker.getState() !== 'RUNNING')
    throw new Error(`worker failed to start (state ${worker.getState()})`);
}

async function run(): Promise<void> {
  const config = loadConfig();
  const running = await startWorker(config);
  console.log(
    `waymark worker polling task queue '${config.WAYMARK_TASK_QUEUE}' on ${config.temporalAddress}, ` +
      describeDeployment(workerDeploymentOptions(config)),
  );
  const stop = (): void => void running.stop();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await running.done;
}

if (require.main === module) {
  run().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
