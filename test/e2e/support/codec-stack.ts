/**
 * A Waymark stack of the test's own with the payload codec on: `src/cli/dev.ts` in its own
 * process (worker + API, as `npm start` runs them) against the shared dev server, on its own
 * task queue, port, data folder and API key, so the shared stack stays codec-off.
 */
import { printed } from './child-ready';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../../src/temporal/dev-server';

export interface CodecStack {
  url: string;
  apiKey: string;
  /** The stack worker's task queue. */
  taskQueue: string;
  /** Authorization (and JSON) headers for the stack's API. */
  headers: Record<string, string>;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, '..', '..', '..');

/** Starts the stack with `env` on top (e.g. WAYMARK_CODEC_KEYS); resolves once it is ready. */
export async function startCodecStack(env: Record<string, string>): Promise<CodecStack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-codec-'));
  const examples = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-codec-examples-'));
  const port = await freePort();
  const apiKey = `codec-test-key-${process.pid}`;
  const taskQueue = `waymark-codec-${process.pid}`;
  const child = spawn(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    [path.join(root, 'src/cli/dev.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS,
        WAYMARK_TASK_QUEUE: taskQueue,
        WAYMARK_DATA_DIR: dataDir,
        WAYMARK_EXAMPLES_DIR: examples,
        WAYMARK_API_KEYS: apiKey,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group: tsx runs the entry point in a child process, and a signal must reach both.
      detached: true,
    },
  );
  const log = fs.createWriteStream(path.join(dataDir, 'stack.log'));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  await ready(child, path.join(dataDir, 'stack.log'));
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    taskQueue,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    async stop() {
      await stop(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(examples, { recursive: true, force: true });
    },
  };
}

function ready(child: ChildProcess, logFile: string): Promise<void> {
  return printed(child, '[waymark] ready', `codec stack (log: ${logFile})`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('close', r));
  const group = -(child.pid as number);
  process.kill(group, 'SIGTERM');
  const force = setTimeout(() => process.kill(group, 'SIGKILL'), 20_000);
  await exited;
  clearTimeout(force);
}
