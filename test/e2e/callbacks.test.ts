/**
 * Custom activities with callbacks, end to end: a real HTTP service in the test receives the
 * request, acknowledges it and calls back on the signed URLs through the real API. Covers the
 * payload, merging, idempotent repeats, 401/404/409, the incident path (message in the
 * instance and the WaymarkIncident search attribute; retry re-sends the request), a callback
 * made before the acknowledgement, the error boundary, a boundary timer bounding the wait, a
 * failed delivery, and a worker killed (SIGKILL) and restarted while the instance waits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { callbackSecret, signCallbackToken } from '../../src/callbacks/signing';
import { freePort } from '../../src/temporal/dev-server';
import { apiUrl, fixture, trailIds, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';
import { visibleCount } from '../support/visibility';

interface Received {
  mode: string;
  headers: http.IncomingHttpHeaders;
  body: {
    responsePath: string;
    errorResponsePath: string;
    flowElementInstanceId: string;
    data: Record<string, unknown>;
  };
}

const replay = new ReplayCheck();
const received: Received[] = [];
/** Modes (first path segment) that answer 500 for now. */
const failing = new Set<string>();
/** What the `early` mode's callback answered (it calls back before acknowledging). */
const earlyAnswers: number[] = [];
let server: http.Server;
let serviceUrl: string;

async function post(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const mode = (req.url ?? '/').split('/')[1];
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received['body'];
        received.push({ mode, headers: req.headers, body });
        if (failing.has(mode)) {
          res.writeHead(500).end('down');
          return;
        }
        if (mode === 'early') {
          const answer = await post(body.responsePath, {
            flowElementInstanceId: body.flowElementInstanceId,
            data: { early: true },
          });
          earlyAnswers.push(answer.status);
        }
        res.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":true}');
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  expect(await replay.replayAll()).toEqual([]);
}, 180_000);

/** Waits until the service has received `count` requests for the instance; returns the last. */
async function requestFor(instanceId: string, count = 1, timeoutMs = 60_000): Promise<Received> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mine = received.filter((r) => r.body.flowElementInstanceId.startsWith(`${instanceId}/`));
    if (mine.length >= count) return mine[count - 1];
    if (Date.now() > deadline)
      throw new Error(`service got ${mine.length} of ${count} requests for ${instanceId}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const run = (fixture: string, variables: Record<string, unknown> = {}, name = fixture) =>
  replay.runFixture(fixture, variables, name);

const order = { id: 7, quantity: 2 };

test('the service gets exactly the four fields; its callback merges data once (200 twice), then 409', async () => {
  // given an instance at the callback task
  const id = await run(
    'callback-task',
    { serviceUrl: `${serviceUrl}/ack`, serviceToken: 'svc-token', order },
    'callback-task',
  );
  // then the service receives exactly the four fields, data = the input-mapped variables
  const req = await requestFor(id);
  expect(Object.keys(req.body).sort()).toEqual([
    'data',
    'errorResponsePath',
    'flowElementInstanceId',
    'responsePath',
  ]);
  expect(req.body.flowElementInstanceId).toBe(`${id}/Task_Reserve/1`);
  expect(req.body.data).toEqual({ orderId: 7, quantity: 2 });
  expect(req.body.responsePath.startsWith(`${apiUrl()}/callbacks/`)).toBe(true);
  expect(req.body.errorResponsePath.startsWith(`${apiUrl()}/callbacks/`)).toBe(true);
  expect(req.headers.authorization).toBe('Bearer svc-token');

  // and the instance waits at the task
  const waiting = await waitFor(id, (i) =>
    i.activeElements.some((a: any) => a.elementId === 'Task_Reserve'),
  );
  expect(waiting.status).toBe('RUNNING');

  // a forged signature → 401, and no API key is asked for
  const [fei, attempt, sig] = req.body.responsePath.split('/').slice(-2, -1)[0].split('.');
  const forged = `${apiUrl()}/callbacks/${fei}.${attempt}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}/success`;
  expect(
    (await post(forged, { flowElementInstanceId: req.body.flowElementInstanceId })).status,
  ).toBe(401);
  expect(
    (await post(`${apiUrl()}/callbacks/x/success`, { flowElementInstanceId: 'x' })).status,
  ).toBe(401);
  // a valid URL used for another element instance → 401
  expect(
    (await post(req.body.responsePath, { flowElementInstanceId: `${id}/Task_Other/1` })).status,
  ).toBe(401);

  // when the service calls back
  const callback = {
    flowElementInstanceId: req.body.flowElementInstanceId,
    data: { reservationId: 'R-7', order: { id: 7, quantity: 3 } },
  };
  const first = await post(req.body.responsePath, callback);
  expect(first).toEqual({
    status: 200,
    body: {
      instanceId: id,
      flowElementInstanceId: callback.flowElementInstanceId,
      duplicate: false,
    },
  });
  // then the instance goes on with the merged variables
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables).toEqual({
    serviceUrl: `${serviceUrl}/ack`,
    serviceToken: 'svc-token',
    order: { id: 7, quantity: 3 },
    reservationId: 'R-7',
  });
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Task_Reserve', 'EndEvent_1']);

  // the same callback again → 200 and nothing changes; another outcome → 409
  const again = await post(req.body.responsePath, callback);
  expect(again.status).toBe(200);
  expect(again.body.duplicate).toBe(true);
  const other = await post(req.body.errorResponsePath, {
    flowElementInstanceId: callback.flowElementInstanceId,
    errorMessage: 'changed my mind',
  });
  expect(other.status).toBe(409);
  expect((await waitFor(id)).variables.reservationId).toBe('R-7');
});

test('unknown element instances and instances → 404', async () => {
  const secret = callbackSecret({ dataDir: process.env.WAYMARK_TEST_DATA_DIR as string });
  const id = await run(
    'callback-task',
    { serviceUrl: `${serviceUrl}/ack`, serviceToken: 't', order },
    'callback-task-unknown',
  );
  await requestFor(id);
  for (const feiId of [`${id}/Task_Nope/1`, `${id}/Task_Reserve/2`, 'nobody:1/Task_Reserve/1']) {
    const token = signCallbackToken(secret, { flowElementInstanceId: feiId, attempt: 1 });
    const res = await post(`${apiUrl()}/callbacks/${token}/success`, { data: {} });
    expect({ feiId, status: res.status }).toEqual({ feiId, status: 404 });
  }
  const req = await requestFor(id);
  expect((await post(req.body.responsePath, { data: { ok: true } })).status).toBe(200);
  expect((await waitFor(id)).status).toBe('COMPLETED');
});

test('an error callback is an incident with its message; retrying it re-sends the request', async () => {
  // given an instance at the callback task
  const id = await run(
    'callback-task',
    { serviceUrl: `${serviceUrl}/ack`, serviceToken: 't', order },
    'callback-task-incident',
  );
  const req = await requestFor(id);
  const fei = req.body.flowElementInstanceId;
  // when the service reports an error (twice: the repeat is a no-op)
  const error = { flowElementInstanceId: fei, errorMessage: 'out of stock' };
  expect((await post(req.body.errorResponsePath, error)).status).toBe(200);
  expect((await post(req.body.errorResponsePath, error)).status).toBe(200);
  // then an incident carries the message and the instance keeps running
  const parked = await waitFor(id, (i) => i.incidents?.length === 1);
  expect(parked.status).toBe('RUNNING');
  expect(parked.incidents[0]).toEqual(
    expect.objectContaining({
      elementId: 'Task_Reserve',
      flowElementInstanceId: fei,
      kind: 'callback',
      message: 'out of stock',
    }),
  );
  // a different outcome after the first → 409
  expect((await post(req.body.responsePath, { flowElementInstanceId: fei, data: {} })).status).toBe(
    409,
  );
  // and Temporal flags the incident for search
  expect(await visibleCount(`WorkflowId = '${id}' AND WaymarkIncident = true`)).toBe(1);

  // when the incident is retried
  const retry = await post(
    `${apiUrl()}/instances/${encodeURIComponent(id)}/incidents/${encodeURIComponent(parked.incidents[0].id)}/retry`,
    {},
  );
  expect(retry.status).toBe(200);
  // then the request is sent again, with new callback URLs for the same element instance
  const resent = await requestFor(id, 2);
  expect(resent.body.flowElementInstanceId).toBe(fei);
  expect(resent.body.responsePath).not.toBe(req.body.responsePath);
  // the old URLs answer repeats as before and refuse anything new
  expect((await post(req.body.errorResponsePath, error)).status).toBe(200);
  expect((await post(req.body.responsePath, { data: { stale: true } })).status).toBe(409);
  // and the new callback completes the task
  expect(
    (
      await post(resent.body.responsePath, {
        flowElementInstanceId: fei,
        data: { restocked: true },
      })
    ).status,
  ).toBe(200);
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.incidents).toEqual([]);
  expect(done.variables.restocked).toBe(true);
  expect(done.variables.stale).toBeUndefined();
});

test('a callback made before the acknowledgement is not lost', async () => {
  const id = await run(
    'callback-task',
    { serviceUrl: `${serviceUrl}/early`, serviceToken: 't', order },
    'callback-task-early',
  );
  await requestFor(id);
  const done = await waitFor(id, undefined, 60_000);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables.early).toBe(true);
  expect(earlyAnswers).toContain(200);
});

test('an error boundary on the node takes the error path with errorMessage', async () => {
  const id = await run(
    'callback-boundaries',
    { serviceUrl: `${serviceUrl}/ack`, waitFor: 'PT10M' },
    'callback-boundaries-error',
  );
  const req = await requestFor(id);
  // no input mappings: every visible variable is sent
  expect(req.body.data).toEqual({ serviceUrl: `${serviceUrl}/ack`, waitFor: 'PT10M' });
  await waitFor(id, (i) => i.activeElements.some((a: any) => a.elementId === 'Task_Charge'));
  const res = await post(req.body.errorResponsePath, {
    flowElementInstanceId: req.body.flowElementInstanceId,
    errorMessage: 'card declined',
  });
  expect(res.status).toBe(200);
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Error_Failed', 'EndEvent_Failed']);
  expect(done.variables.errorMessage).toBe('card declined');
  expect(done.incidents).toEqual([]);
});

test('a boundary timer bounds the wait; a later callback → 409', async () => {
  const id = await run(
    'callback-boundaries',
    { serviceUrl: `${serviceUrl}/ack`, waitFor: 'PT2S' },
    'callback-boundaries-timer',
  );
  const req = await requestFor(id);
  const done = await waitFor(id, undefined, 60_000);
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Timer_Timeout', 'EndEvent_TimedOut']);
  const late = await post(req.body.responsePath, {
    flowElementInstanceId: req.body.flowElementInstanceId,
    data: { late: true },
  });
  expect(late.status).toBe(409);
});

test('a failed delivery is retried, then an incident; retrying it re-sends', async () => {
  failing.add('flaky');
  const id = await run(
    'callback-task',
    { serviceUrl: `${serviceUrl}/flaky`, serviceToken: 't', order },
    'callback-task-delivery-failure',
  );
  // retries="2": two attempts, then an incident
  const parked = await waitFor(id, (i) => i.incidents?.length === 1, 60_000);
  expect(parked.incidents[0]).toEqual(
    expect.objectContaining({ kind: 'task', message: expect.stringContaining('HTTP 500') }),
  );
  expect(received.filter((r) => r.body.flowElementInstanceId.startsWith(`${id}/`))).toHaveLength(2);
  failing.delete('flaky');
  const retry = await post(
    `${apiUrl()}/instances/${encodeURIComponent(id)}/incidents/${encodeURIComponent(parked.incidents[0].id)}/retry`,
    {},
  );
  expect(retry.status).toBe(200);
  const req = await requestFor(id, 3);
  expect((await post(req.body.responsePath, { data: { delivered: true } })).status).toBe(200);
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables.delivered).toBe(true);
});

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
      variables: { serviceUrl: `${serviceUrl}/ack`, serviceToken: 't', order },
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
