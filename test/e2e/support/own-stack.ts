/**
 * A worker and an API of a test's own, as real processes on a task queue of their own (the
 * shared stack of global-setup.ts never sees the test's instances), so a test can kill the
 * worker with SIGKILL and start it again (test/e2e/local-activities-worker-kill.test.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../../src/temporal/dev-server';

const root = path.resolve(__dirname, '..', '..', '..');

export class OwnStack {
  readonly dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-own-stack-'));
  readonly queue: string;
  private port = 0;
  private api: ChildProcess | undefined;
  private worker: ChildProcess | undefined;

  /** `env`: configuration of the test's own (e.g. WAYMARK_CONTINUE_AS_NEW_EVENTS). */
  constructor(
    name: string,
    private readonly extraEnv: Record<string, string> = {},
  ) {
    this.queue = `waymark-${name}-${process.pid}`;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the worker, then the API, and waits until both serve. */
  async start(): Promise<void> {
    this.port = await freePort();
    this.worker = await this.startWorker();
    await this.startApi();
  }

  /** One call to the stack's API: a string body is sent as XML, anything else as JSON. */
  async call(
    method: string,
    urlPath: string,
    body?: unknown,
  ): Promise<{ status: number; body: any }> {
    const xml = typeof body === 'string';
    const res = await fetch(`${this.url}${urlPath}`, {
      method,
      headers: { 'content-type': xml ? 'application/xml' : 'application/json' },
      ...(body === undefined ? {} : { body: xml ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Kills the worker with SIGKILL (no drain, no shutdown) and starts a new one. */
  async killAndRestartWorker(): Promise<void> {
    await this.killWorker();
    await this.restartWorker();
  }

  /** Kills the worker with SIGKILL and leaves the queue without one until `restartWorker`. */
  async killWorker(): Promise<void> {
    await stop(this.worker, 'SIGKILL');
  }

  /** Starts a worker again after `killWorker`; resolves once it polls. */
  async restartWorker(): Promise<void> {
    this.worker = await this.startWorker();
  }

  /** Kills the API with SIGKILL (requests in flight are cut off) and starts it on the same port. */
  async killAndRestartApi(): Promise<void> {
    await stop(this.api, 'SIGKILL');
    await this.startApi();
  }

  async stop(): Promise<void> {
    await stop(this.api, 'SIGTERM');
    await stop(this.worker, 'SIGTERM');
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS,
      WAYMARK_TASK_QUEUE: this.queue,
      // The test's services listen on 127.0.0.1 (activities/outbound.ts denies loopback).
      WAYMARK_OUTBOUND_ALLOW: '127.0.0.1,::1',
      WAYMARK_DATA_DIR: this.dataDir,
      PORT: String(this.port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...this.extraEnv,
    };
  }

  private spawn(entry: string, log: string): ChildProcess {
    // Own process group: tsx runs the entry point in a child process, and a signal must reach both.
    const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, entry)], {
      cwd: root,
      env: this.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const out = fs.createWriteStream(path.join(this.dataDir, log), { flags: 'a' });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
    return child;
  }

  private async startApi(): Promise<void> {
    this.api = this.spawn('src/api/main.ts', 'api.log');
    const deadline = Date.now() + 120_000;
    while (
      !(await fetch(`${this.url}/health/live`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error('own API did not start');
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  private async startWorker(): Promise<ChildProcess> {
    const child = this.spawn('src/worker/main.ts', 'worker.log');
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`worker not ready: ${seen}`)), 180_000);
      child.stdout?.on('data', (d: Buffer) => {
        seen += d.toString();
        if (seen.includes('waymark worker polling')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`worker exited with ${code}: ${seen}`));
      });
    });
    return child;
  }
}

async function stop(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('close', r));
  const group = -(child.pid as number);
  process.kill(group, signal);
  const force = setTimeout(() => process.kill(group, 'SIGKILL'), 20_000);
  await exited;
  clearTimeout(force);
}
