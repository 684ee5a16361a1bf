/**
 * Worker Deployment versioning: which deployment and build a worker belongs to, from
 * WAYMARK_WORKER_DEPLOYMENT and WAYMARK_WORKER_BUILD_ID. Unset (the default, `npm start`), the
 * worker is unversioned and takes every task on its queue. Set, Temporal routes a new instance
 * to the deployment's current build, and a PINNED instance (the default behaviour) stays on the
 * build it started on until it ends — so a new build never replays an old instance's history
 * (README, "Rolling out a new worker build").
 */
import type { WorkerDeploymentOptions } from '@temporalio/worker';
import { ConfigError, type Config } from '../config';

/** The worker's deployment options, or undefined for an unversioned worker. */
export function workerDeploymentOptions(
  config: Pick<
    Config,
    'WAYMARK_WORKER_DEPLOYMENT' | 'WAYMARK_WORKER_BUILD_ID' | 'WAYMARK_WORKER_VERSIONING'
  >,
): WorkerDeploymentOptions | undefined {
  const deploymentName = config.WAYMARK_WORKER_DEPLOYMENT;
  const buildId = config.WAYMARK_WORKER_BUILD_ID;
  if (!deploymentName && !buildId) return undefined;
  if (!deploymentName || !buildId) {
    const missing = deploymentName ? 'WAYMARK_WORKER_BUILD_ID' : 'WAYMARK_WORKER_DEPLOYMENT';
    throw new ConfigError(
      `Invalid configuration:\n  ${missing}: required when ${
        deploymentName ? 'WAYMARK_WORKER_DEPLOYMENT' : 'WAYMARK_WORKER_BUILD_ID'
      } is set (worker versioning takes both)`,
    );
  }
  return {
    useWorkerVersioning: true,
    version: { deploymentName, buildId },
    defaultVersioningBehavior: config.WAYMARK_WORKER_VERSIONING,
  };
}

/** `deployment.build` for log lines, or `unversioned`. */
export function describeDeployment(options: WorkerDeploymentOptions | undefined): string {
  if (!options) return 'unversioned';
  const { deploymentName, buildId } = options.version;
  return `deployment '${deploymentName}' build '${buildId}' (${options.defaultVersioningBehavior})`;
}
