/**
 * One more worker process beside an OwnStack's (same task queue, registry and data folder),
 * with configuration of its own — e.g. another build of a Worker Deployment
 * (test/e2e/worker-versioning.test.ts). Its own process group, like OwnStack's children.
 */
import { printed } from './child-ready';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { OwnStack } from './own-stack';

const root = path.resolve(__dirname, '..', '..', '..');

/** Starts a worker for `stack` with `env` over the stack's, and resolves once it polls. */
export async function startWorkerProcess(
  stack: OwnStack,
  name: string,
  env: Record<string, string>,
): Promise<ChildProcess> {
  const child = spawn(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    [path.join(root, 'src/worker/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        WAYMARK_TASK_QUEUE: stack.queue,
        WAYMARK_OUTBOUND_ALLOW: '127.0.0.1,::1',
        WAYMARK_DATA_DIR: stack.dataDir,
        PUBLIC_URL: stack.url,
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const out = fs.createWriteStream(path.join(stack.dataDir, `${name}.log`), { flags: 'a' });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  await printed(child, 'waymark worker polling', name);
  return child;
}

/** Stops a worker process group with SIGTERM (it drains), SIGKILL after 20 s. */
export async function stopWorkerProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('close', r));
  const group = -(child.pid as number);
  process.kill(group, 'SIGTERM');
  const force = setTimeout(() => process.kill(group, 'SIGKILL'), 20_000);
  await exited;
  clearTimeout(force);
}
