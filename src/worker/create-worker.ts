/**
 * Builds the Waymark worker: the interpreter workflow bundle plus the built-in activities, on
 * the default task queue. The bundle is built once per process (or passed in, e.g. by tests
 * and benchmarks that share one) — bundling is the slowest part of a worker's start.
 */
import type { DataConverter } from '@temporalio/common';
import {
  bundleWorkflowCode,
  Worker,
  type NativeConnection,
  type WorkerDeploymentOptions,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../../activities';
import { DEFAULT_PAYLOAD_LIMIT } from '../engine/payload-size';
import { payloadBudgetInterceptors } from './payload-budget';

export interface WaymarkWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: ActivityDeps;
  /**
   * A prebuilt workflow bundle; built here when absent. With a codec, build it with
   * `bundleWorkflows({ failureConverterPath })`, or workflow failures stay unencoded.
   */
  workflowBundle?: WorkflowBundleWithSourceMap;
  /** Max cached workflows (sticky cache). */
  maxCachedWorkflows?: number;
  /** Activity results over this many bytes of JSON fail (payload-budget.ts); default the engine's. */
  payloadLimit?: number;
  /** The payload codec and failure converter (src/temporal/codec); Temporal's default when absent. */
  dataConverter?: DataConverter;
  /** Worker Deployment versioning (deployment.ts); absent: an unversioned worker. */
  deployment?: WorkerDeploymentOptions;
}

/** The path of the workflows module (TypeScript in dev, JavaScript under dist/). */
export function workflowsPath(): string {
  return require.resolve('../../workflows');
}

/**
 * Modules evaluated once per reusable V8 context instead of once per workflow
 * (`workflows/preload.ts`: the FEEL interpreter, its lezer parser tables and the date polyfill
 * it carries). Without this every new workflow re-ran their module scope — several ms of worker
 * CPU per instance, paid by hand-written workflows in the same bundle too (bench/README.md,
 * "Worker CPU"). They are pure: no per-workflow state, no clock or randomness at load (the SDK
 * freezes their exports, so a module that mutated its exports would fail loudly in every FEEL
 * test).
 */
export const PRELOADED_WORKFLOW_MODULES = [require.resolve('../../workflows/preload')];

/**
 * Bundles the interpreter workflow code (webpack). A `failureConverterPath` (the codec's, which
 * encodes failure messages) is compiled into the bundle: the sandbox converts failures itself.
 */
export async function bundleWorkflows(
  opts: { failureConverterPath?: string } = {},
): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: workflowsPath(),
    preloadModules: PRELOADED_WORKFLOW_MODULES,
    failureConverterPath: opts.failureConverterPath,
    logger: quietBundlerLogger,
  });
}

/** Creates (but does not run) the worker. */
export async function createWaymarkWorker(opts: WaymarkWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    workflowBundle:
      opts.workflowBundle ??
      (await bundleWorkflows({ failureConverterPath: opts.dataConverter?.failureConverterPath })),
    dataConverter: opts.dataConverter,
    activities: createActivities(opts.activities),
    maxCachedWorkflows: opts.maxCachedWorkflows,
    workerDeploymentOptions: opts.deployment,
    interceptors: {
      activity: [payloadBudgetInterceptors(opts.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT)],
    },
  });
}

const noop = (): void => undefined;
const quietBundlerLogger = {
  log: noop,
  trace: noop,
  debug: noop,
  info: noop,
  warn: (message: string, meta?: Record<string, unknown>) => console.warn(message, meta ?? ''),
  error: (message: string, meta?: Record<string, unknown>) => console.error(message, meta ?? ''),
};
