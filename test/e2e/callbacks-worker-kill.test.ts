/**
 * A custom activity survives its worker: the instance waits for its callback on a worker and
 * API of the test's own (real processes), the worker is killed with SIGKILL and started
 * again, and the later callback still completes the node.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/temporal/dev-server';
import { fixture } from '../support/api';
import { ReplayCheck } from '../support/histories';
import { post, useCallbackService } from './support/callback-service';

const replay = new ReplayCheck();
const service = useCallbackService(replay);
const order = { id: 7, quantity: 2 };

const requestFor = (instanceId: string) => service.requestFor(instanceId);

describe('a worker killed while the instance waits for its callback', () => {
  const root = path.resolve(__dirname, '..', '..');
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-cb-kill-'));
  const queue = `waymark-cb-kill-${process.pid}`;
  let port: number;
  let api: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let ownApi: string;

  const env = (): NodeJS.ProcessEnv => ({
    ...process.env,
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS,
    WAYMARK_TASK_QUEUE: queue,
    // The customer's service listens on 127.0.0.1 (activities/outbound.ts denies loopback).
    WAYMARK_OUTBOUND_ALLOW: '127.0.0.1,::1',
    WAYMARK_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  });

  function startProcess(entry: string, log: string): ChildProcess {
    // Own process group: tsx runs the entry point in a child process, and a signal must reach both.
    const child = spawn(tsx, [path.join(root, entry)], {
      cwd: root,
      env: env(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const out = fs.createWriteStream(path.join(dataDir, log), { flags: 'a' });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
    return child;
  }

  async function startWorker(): Promise<ChildProcess> {
    const child = startProcess('src/worker/main.ts', 'worker.log');
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

  async function stop(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('close', r));
    const group = -(child.pid as number);
    process.kill(group, signal);
    const force = setTimeout(() => process.kill(group, 'SIGKILL'), 20_000);
    await exited;
    clearTimeout(force);
  }

  beforeAll(async () => {
    port = await freePort();
    ownApi = `http://127.0.0.1:${port}`;
    worker = await startWorker();
    api = startProcess('src/api/main.ts', 'api.log');
    const deadline = Date.now() + 120_000;
    for (;;) {
      const ok = await fetch(`${ownApi}/health/live`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error('own API did not start');
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 300_000);

  afterAll(async () => {
    await stop(api, 'SIGTERM');
    await stop(worker, 'SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  test('the later callback still completes the node after a restart', async () => {
    // given an instance on our own worker, waiting for its callback
    const deployed = await fetch(`${ownApi}/definitions?deploy=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: fixture('callback-task'),
    });
    expect([200, 201]).toContain(deployed.status);
    const started = await post(`${ownApi}/definitions/callback-task/instances`, {
      variables: { serviceUrl: `${service.url}/ack`, serviceToken: 't', order },
    });
    expect(started.status).toBe(201);
    const id: string = started.body.instanceId;
    replay.add(id, 'callback-task-worker-kill');
    const req = await requestFor(id);
    expect(req.body.responsePath.startsWith(`${ownApi}/callbacks/`)).toBe(true);
    const instance = async (): Promise<any> =>
      (await fetch(`${ownApi}/instances/${encodeURIComponent(id)}`)).json();
    const deadline = Date.now() + 60_000;
    while (!(await instance()).activeElements?.some((a: any) => a.elementId === 'Task_Reserve')) {
      if (Date.now() > deadline) throw new Error('instance never waited at Task_Reserve');
      await new Promise((r) => setTimeout(r, 200));
    }
    // give the ack's workflow task time to be recorded before the kill
    await new Promise((r) => setTimeout(r, 1000));

    // when the worker is killed and started again
    await stop(worker, 'SIGKILL');
    worker = await startWorker();

    // then the callback still completes the node
    const res = await post(req.body.responsePath, {
      flowElementInstanceId: req.body.flowElementInstanceId,
      data: { reservationId: 'R-kill' },
    });
    expect(res.status).toBe(200);
    const finish = Date.now() + 60_000;
    let last: any;
    while (Date.now() < finish) {
      last = await instance();
      if (last.status === 'COMPLETED') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(last.status).toBe('COMPLETED');
    expect(last.variables.reservationId).toBe('R-kill');
  }, 300_000);
});
