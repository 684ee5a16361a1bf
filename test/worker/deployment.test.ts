/**
 * Worker Deployment versioning from the environment: off unless both variables are set, PINNED
 * by default, and a half-configured worker stops start-up naming the missing variable.
 */
import { ConfigError, loadConfig } from '../../src/config';
import { describeDeployment, workerDeploymentOptions } from '../../src/worker/deployment';

test('unset: an unversioned worker, as npm start runs it', () => {
  const options = workerDeploymentOptions(loadConfig({}));
  expect(options).toBeUndefined();
  expect(describeDeployment(options)).toBe('unversioned');
});

test('both set: versioned, pinned by default, auto-upgrade on request', () => {
  const env = { WAYMARK_WORKER_DEPLOYMENT: 'waymark', WAYMARK_WORKER_BUILD_ID: '2026-12-03.1' };
  expect(workerDeploymentOptions(loadConfig(env))).toEqual({
    useWorkerVersioning: true,
    version: { deploymentName: 'waymark', buildId: '2026-12-03.1' },
    defaultVersioningBehavior: 'PINNED',
  });
  const auto = loadConfig({ ...env, WAYMARK_WORKER_VERSIONING: 'AUTO_UPGRADE' });
  expect(workerDeploymentOptions(auto)?.defaultVersioningBehavior).toBe('AUTO_UPGRADE');
  expect(describeDeployment(workerDeploymentOptions(auto))).toBe(
    "deployment 'waymark' build '2026-12-03.1' (AUTO_UPGRADE)",
  );
});

test('one without the other, or an unknown behaviour, stops start-up naming the variable', () => {
  const noBuild = () =>
    workerDeploymentOptions(loadConfig({ WAYMARK_WORKER_DEPLOYMENT: 'waymark' }));
  expect(noBuild).toThrow(ConfigError);
  expect(noBuild).toThrow(/WAYMARK_WORKER_BUILD_ID: required when WAYMARK_WORKER_DEPLOYMENT/);
  expect(() => workerDeploymentOptions(loadConfig({ WAYMARK_WORKER_BUILD_ID: 'b1' }))).toThrow(
    /WAYMARK_WORKER_DEPLOYMENT: required when WAYMARK_WORKER_BUILD_ID/,
  );
  expect(() => loadConfig({ WAYMARK_WORKER_VERSIONING: 'SOMETIMES' })).toThrow(
    /WAYMARK_WORKER_VERSIONING/,
  );
});
