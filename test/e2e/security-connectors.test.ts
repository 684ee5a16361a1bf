/**
 * Connector security on the real stack (issue 16, defects 4, 7 and 12):
 * - the http task reads its connector fields only from its own input mappings (and headers),
 *   never from variables it inherits: a start payload cannot redirect it or add headers;
 * - `{{secrets.NAME}}` references are resolved inside the activity from the worker's
 *   environment (`WAYMARK_SECRET_TEST_TOKEN`, set by the global setup): the service gets the
 *   value, `temporal workflow show` of the instance does not contain it, and the incident and
 *   its `incident.created` webhook carry no query string and no secret;
 * - outbound calls send `Idempotency-Key: <flowElementInstanceId>/<attempt>` (the same for
 *   Temporal's retries, the next after an incident retry), heartbeat, and abort their request
 *   when an interrupting boundary timer cancels the task.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { call, getInstance, startInstance, trailIds, waitFor } from '../support/api';
import { TEST_CONNECTOR_SECRET } from '../support/global-setup';
import { ReplayCheck } from '../support/histories';
import { historyText, workflowShow } from '../support/temporal-cli';
import { post } from './support/callback-service';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  closedAt?: number;
}

const replay = new ReplayCheck();
const seen: Seen[] = [];
const held: http.ServerResponse[] = [];
let flakyFailures = 0;
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry: Seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(entry);
      const route = entry.url.split('?')[0];
      if (route === '/slow') {
        res.on('close', () => (entry.closedAt = Date.now()));
        held.push(res);
        return;
      }
      if (route === '/fail' || (route === '/flaky' && flakyFailures-- > 0)) {
        res.writeHead(500).end('down');
        return;
      }
      const status = route.startsWith('/callback') || route === '/hooks' ? 202 : 200;
      res.writeHead(status, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of held) res.destroy();
  server.closeAllConnections();
  server.close();
  expect(await replay.replayAll()).toEqual([]);
}, 180_000);

const xmlAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A process Start → Task_Call (task `type`) → End, optionally with a 1 s interrupting boundary timer. */
function model(
  id: string,
  opts: {
    type?: string;
    inputs?: Record<string, string>;
    headers?: Record<string, string>;
    retries?: number;
    timer?: boolean;
  },
): string {
  const inputs = Object.entries(opts.inputs ?? {})
    .map(([t, s]) => `<zeebe:input source="${xmlAttr(s)}" target="${t}"/>`)
    .join('');
  const headers = Object.entries(opts.headers ?? {})
    .map(([k, v]) => `<zeebe:header key="${k}" value="${xmlAttr(v)}"/>`)
    .join('');
  const timer = opts.timer
    ? `<bpmn:boundaryEvent id="Timer_Limit" attachedToRef="Task_Call"><bpmn:outgoing>f3</bpmn:outgoing><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:endEvent id="End_Late"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f3" sourceRef="Timer_Limit" targetRef="End_Late"/>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Task_Call"><bpmn:extensionElements>
      <zeebe:taskDefinition type="${opts.type ?? 'http'}" retries="${opts.retries ?? 1}"/>
      <zeebe:ioMapping>${inputs}</zeebe:ioMapping><zeebe:taskHeaders>${headers}</zeebe:taskHeaders>
    </bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_Call"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Call" targetRef="End"/>
    ${timer}
  </bpmn:process>
</bpmn:definitions>`;
}

async function deployAndStart(
  id: string,
  xml: string,
  variables: Record<string, unknown>,
): Promise<string> {
  const deployed = await call('POST', '/definitions?deploy=true', xml, {
    'content-type': 'application/xml',
  });
  expect(deployed.status).toBe(201);
  const instanceId = await startInstance(id, { variables });
  replay.add(instanceId, `security-${id}`);
  return instanceId;
}

const requestsOf = (instanceId: string) =>
  seen.filter((s) => String(s.headers['idempotency-key'] ?? '').startsWith(`${instanceId}/`));

async function until<T>(f: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('the http task takes connector fields from its own mappings, never from inherited variables', async () => {
  // given a task that maps only method and url
  const id = await deployAndStart(
    'sec-connector-fields',
    model('sec-connector-fields', {
      inputs: { method: 'GET', url: '=baseUrl + "/orders"' },
      headers: { resultVariable: 'order' },
    }),
    // when the start payload carries every other connector field
    {
      baseUrl,
      method: 'DELETE',
      url: `${baseUrl}/evil`,
      headers: { 'x-evil': '1' },
      queryParameters: { leak: 'yes' },
      authentication: { type: 'bearer', token: 'stolen' },
      body: { drop: 'tables' },
    },
  );
  const done = await waitFor(id);
  // then the request is exactly what the model mapped
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual(['Start', 'Task_Call', 'End']);
  const [req] = requestsOf(id);
  expect(requestsOf(id)).toHaveLength(1);
  expect({ method: req.method, url: req.url, body: req.body }).toEqual({
    method: 'GET',
    url: '/orders',
    body: '',
  });
  expect(req.headers['x-evil']).toBeUndefined();
  expect(req.headers.authorization).toBeUndefined();
  expect(req.headers['idempotency-key']).toBe(`${id}/Task_Call/1/1`);
  expect(done.variables.order.status).toBe(200);
});

test('a url that only a variable supplies is an incident; nothing is sent', async () => {
  const before = seen.length;
  const id = await deployAndStart(
    'sec-url-unmapped',
    model('sec-url-unmapped', { inputs: { method: 'GET' } }),
    { url: `${baseUrl}/evil` },
  );
  const parked = await waitFor(id, (i) => i.incidents?.length === 1);
  expect(parked.incidents[0].message).toContain('input url is required');
  expect(seen.slice(before).filter((s) => s.url === '/evil')).toEqual([]);
  await call('POST', `/instances/${encodeURIComponent(id)}/cancel`);
});

test('{{secrets.NAME}} is resolved in the activity: sent to the service, absent from history, incident and webhook', async () => {
  // given an incident.created subscription and a task whose header and query use a secret
  const hook = await call('POST', '/webhooks', {
    url: `${baseUrl}/hooks`,
    events: ['incident.created'],
  });
  expect(hook.status).toBe(201);
  try {
    const id = await deployAndStart(
      'sec-secret-http',
      model('sec-secret-http', {
        inputs: {
          url: '=baseUrl + "/fail?apiKey={{secrets.TEST_TOKEN}}"',
          headers: '={"authorization": "Bearer {{secrets.TEST_TOKEN}}"}',
        },
      }),
      { baseUrl },
    );
    // then the service got the value
    const [req] = await until(() => (requestsOf(id).length ? requestsOf(id) : undefined));
    expect(req.headers.authorization).toBe(`Bearer ${TEST_CONNECTOR_SECRET}`);
    expect(req.url).toBe(`/fail?apiKey=${TEST_CONNECTOR_SECRET}`);
    // and the incident names the call without its query string or the secret
    const parked = await waitFor(id, (i) => i.incidents?.length === 1);
    const message: string = parked.incidents[0].message;
    expect(message).toContain(`HTTP 500 from GET ${baseUrl}/fail`);
    expect(message).not.toContain('apiKey');
    expect(message).not.toContain(TEST_CONNECTOR_SECRET);
    // and so does the incident.created delivery
    const delivery = await until(() =>
      seen.find((s) => s.url === '/hooks' && s.body.includes(id) && s.body.includes('incident')),
    );
    expect(delivery.body).toContain('HTTP 500 from GET');
    expect(delivery.body).not.toContain('apiKey');
    expect(delivery.body).not.toContain(TEST_CONNECTOR_SECRET);
    // and the history an operator reads holds the reference, never the value
    const history = await historyText(id);
    expect(history).toContain('{{secrets.TEST_TOKEN}}');
    expect(history).not.toContain(TEST_CONNECTOR_SECRET);
    await call('POST', `/instances/${encodeURIComponent(id)}/cancel`);
  } finally {
    await call('DELETE', `/webhooks/${hook.body.id}`);
  }
});

test('an unknown secret is an incident naming it; nothing is sent', async () => {
  const id = await deployAndStart(
    'sec-secret-unknown',
    model('sec-secret-unknown', {
      inputs: { url: '=baseUrl + "/orders"', headers: '={"x-key": "{{secrets.NOPE}}"}' },
    }),
    { baseUrl },
  );
  const parked = await waitFor(id, (i) => i.incidents?.length === 1);
  expect(parked.incidents[0].message).toContain('secret NOPE is not defined on the worker');
  expect(requestsOf(id)).toEqual([]);
  await call('POST', `/instances/${encodeURIComponent(id)}/cancel`);
});

test('a callback task resolves secrets in its headers and sends an idempotency key', async () => {
  const id = await deployAndStart(
    'sec-secret-callback',
    model('sec-secret-callback', {
      type: 'callback',
      inputs: { orderId: '=7' },
      headers: {
        url: '${baseUrl}/callback',
        authorization: 'Bearer {{secrets.TEST_TOKEN}}',
        'header.x-api-key': '{{secrets.TEST_TOKEN}}',
      },
    }),
    { baseUrl },
  );
  const req = await until(() => seen.find((s) => s.url === '/callback' && s.body.includes(id)));
  expect(req.headers.authorization).toBe(`Bearer ${TEST_CONNECTOR_SECRET}`);
  expect(req.headers['x-api-key']).toBe(TEST_CONNECTOR_SECRET);
  expect(req.headers['idempotency-key']).toBe(`${id}/Task_Call/1/1`);
  const body = JSON.parse(req.body);
  expect((await post(body.responsePath, { data: { reserved: true } })).status).toBe(200);
  expect((await waitFor(id)).variables.reserved).toBe(true);
  const history = await historyText(id);
  expect(history).toContain('{{secrets.TEST_TOKEN}}');
  expect(history).not.toContain(TEST_CONNECTOR_SECRET);
});

test('Idempotency-Key stays the same across Temporal retries and changes with an incident retry', async () => {
  // given a service that fails twice, then answers
  flakyFailures = 2;
  const id = await deployAndStart(
    'sec-idempotency',
    model('sec-idempotency', { inputs: { url: '=baseUrl + "/flaky"' }, retries: 3 }),
    { baseUrl },
  );
  expect((await waitFor(id)).status).toBe('COMPLETED');
  expect(requestsOf(id).map((r) => r.headers['idempotency-key'])).toEqual([
    `${id}/Task_Call/1/1`,
    `${id}/Task_Call/1/1`,
    `${id}/Task_Call/1/1`,
  ]);
  // and a retried incident is a new attempt
  flakyFailures = 1;
  const other = await deployAndStart(
    'sec-idempotency-retry',
    model('sec-idempotency-retry', { inputs: { url: '=baseUrl + "/flaky"' } }),
    { baseUrl },
  );
  const parked = await waitFor(other, (i) => i.incidents?.length === 1);
  const retried = await call(
    'POST',
    `/instances/${encodeURIComponent(other)}/incidents/${parked.incidents[0].id}/retry`,
  );
  expect(retried.status).toBeLessThan(300);
  expect((await waitFor(other)).status).toBe('COMPLETED');
  expect(requestsOf(other).map((r) => r.headers['idempotency-key'])).toEqual([
    `${other}/Task_Call/1/1`,
    `${other}/Task_Call/1/2`,
  ]);
});

test('an interrupting boundary timer aborts the http request in flight; the activity heartbeats', async () => {
  // given a task whose service holds the request (read timeout 60 s)
  const id = await deployAndStart(
    'sec-cancel-http',
    model('sec-cancel-http', {
      inputs: { url: '=baseUrl + "/slow"', readTimeoutInSeconds: '60' },
      timer: true,
    }),
    { baseUrl },
  );
  const req = await until(() => requestsOf(id)[0]);
  // when the 1 s timer interrupts the task
  const done = await waitFor(id);
  expect(trailIds(done)).toEqual(['Start', 'Timer_Limit', 'End_Late']);
  // then the request is aborted within seconds, not after its 60 s timeout
  const closedAt = await until(() => req.closedAt, 15_000);
  expect(closedAt).toBeGreaterThan(0);
  // and the activity was scheduled with a heartbeat timeout well below start-to-close
  const scheduled = JSON.parse(await workflowShow(id)).events.find(
    (e: any) => e.activityTaskScheduledEventAttributes,
  ).activityTaskScheduledEventAttributes;
  expect(scheduled.heartbeatTimeout).toBe('15s');
  expect(scheduled.startToCloseTimeout).toBe('300s');
  expect((await getInstance(id)).status).toBe('COMPLETED');
});
