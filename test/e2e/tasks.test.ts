/**
 * BPMN fixtures end to end, work and failure: the http task against a real HTTP server in the
 * test (the customer's service), cancellation of an activity in flight (by an interrupting
 * boundary timer, and with the instance), incidents (parked token, instance keeps running, search
 * attribute set, retry through the API resumes it), and loops: one long enough to continue as
 * new, and a 10,000-iteration loop.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  call,
  deployFixture,
  fixture,
  getInstance,
  startInstance,
  trailIds,
  waitAt,
  waitFor,
} from '../support/api';
import { scheduledActivities } from '../support/activity-queues';
import { deployRemote } from '../support/activity-mode';
import { historyChain, ReplayCheck } from '../support/histories';
import { visibleCount } from '../support/visibility';

const replay = new ReplayCheck();
let server: http.Server;
let baseUrl: string;
let healthy = true;
const seen: string[] = [];
/** Requests to /slow: held open, never answered (the activity stays in flight). */
const held: http.ServerResponse[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.accept}`);
    if (req.url === '/slow') {
      held.push(res);
      return;
    }
    if (!healthy) {
      res.writeHead(500).end('down');
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ id: 42, state: 'shipped' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of held) res.destroy();
  server.close();
  expect(await replay.replayAll()).toEqual([]);
}, 120_000);

const run = (fixture: string, variables: Record<string, unknown> = {}, name = fixture) =>
  replay.runFixture(fixture, variables, name);

test('service-task-http: GET through the Camunda REST connector shape, response in resultVariable', async () => {
  healthy = true;
  const done = await waitFor(await run('service-task-http', { baseUrl, orderId: 42 }));
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Task_GetOrder', 'EndEvent_1']);
  expect(done.variables.order).toEqual(
    expect.objectContaining({ status: 200, body: { id: 42, state: 'shipped' } }),
  );
  expect(seen).toContain('GET /orders/42 application/json');
});

test('mandatory start fields: missing ones → 400 naming each', async () => {
  await deployFixture('service-task-http');
  const res = await call('POST', '/definitions/service-task-http/instances', { variables: {} });
  expect(res.status).toBe(400);
  expect(JSON.stringify(res.body)).toContain('baseUrl');
  expect(JSON.stringify(res.body)).toContain('orderId');
});

test('incident: a failing task parks its token, the instance runs on, retry resumes it', async () => {
  // Given the service is down
  healthy = false;
  const id = await run('service-task-http', { baseUrl, orderId: 42 }, 'service-task-http-incident');

  // Then after its retries the task becomes an incident; the instance is still running
  const parked = await waitFor(id, (i) => i.incidents?.length === 1, 30_000);
  expect(parked.status).toBe('RUNNING');
  expect(parked.incidents[0]).toEqual(
    expect.objectContaining({
      elementId: 'Task_GetOrder',
      message: expect.stringContaining('500'),
    }),
  );
  expect(parked.activeElements).toEqual([
    expect.objectContaining({ elementId: 'Task_GetOrder', status: 'incident' }),
  ]);

  // And Temporal flags it for search
  expect(await visibleCount(`WorkflowId = '${id}' AND WaymarkIncident = true`)).toBe(1);

  // An unknown incident → 404
  expect(
    (await call('POST', `/instances/${encodeURIComponent(id)}/incidents/nope/retry`)).status,
  ).toBe(404);

  // When the service is back and the incident is retried through the API
  healthy = true;
  const retry = await call(
    'POST',
    `/instances/${encodeURIComponent(id)}/incidents/${encodeURIComponent(parked.incidents[0].id)}/retry`,
  );
  expect(retry.status).toBe(200);
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.incidents).toEqual([]);
  expect(done.variables.order.status).toBe(200);
});

test('service-task-incident: the fail task raises an incident after one attempt', async () => {
  const id = await run('service-task-incident', { keep: 1 });
  const parked = await waitFor(id, (i) => i.incidents?.length === 1);
  expect(parked.status).toBe('RUNNING');
  expect(parked.incidents[0].elementId).toBe('Task_Fail');
  expect(parked.variables).toEqual({ keep: 1 });
  await call('POST', `/instances/${encodeURIComponent(id)}/cancel`);
});

test('outbound address policy: an http task to a denied address is an incident naming the rule', async () => {
  // given a service on 127.0.0.2 — loopback, which the test stack does not allow (only 127.0.0.1)
  let reached = 0;
  const denied = http.createServer((_req, res) => {
    reached++;
    res.writeHead(200).end('{}');
  });
  await new Promise<void>((r) => denied.listen(0, '127.0.0.2', r));
  const deniedUrl = `http://127.0.0.2:${(denied.address() as AddressInfo).port}`;
  try {
    // when a process calls it
    const id = await run(
      'service-task-http',
      { baseUrl: deniedUrl, orderId: 1 },
      'outbound-denied',
    );
    // then the task is an incident at once (no retries) whose message names the rule
    const parked = await waitFor(id, (i) => i.incidents?.length === 1, 30_000);
    expect(parked.status).toBe('RUNNING');
    expect(parked.incidents[0]).toEqual(
      expect.objectContaining({
        elementId: 'Task_GetOrder',
        message: expect.stringMatching(/127\.0\.0\.2.*denied by the address policy: loopback/),
      }),
    );
    // and nothing reached the service
    expect(reached).toBe(0);
    await call('POST', `/instances/${encodeURIComponent(id)}/cancel`);
  } finally {
    denied.close();
  }
});

test('an http task whose resultExpression returns no context is an incident saying so', async () => {
  // given the http model with a resultExpression that yields a number, not a context
  healthy = true;
  const xml = fixture('service-task-http')
    .replace('id="service-task-http"', 'id="http-result-not-context"')
    .replace(
      '<zeebe:header key="resultVariable" value="order" />',
      '<zeebe:header key="resultExpression" value="=response.status" />',
    );
  const deployed = await call('POST', '/definitions?deploy=true', xml, {
    'content-type': 'application/xml',
  });
  expect(deployed.status).toBe(201);
  // when it runs, then the result is not silently dropped: an incident names the expression
  const id = await startInstance('http-result-not-context', { variables: { baseUrl, orderId: 5 } });
  const parked = await waitFor(id, (i) => i.incidents?.length === 1, 30_000);
  expect(parked.incidents[0]).toEqual(
    expect.objectContaining({
      elementId: 'Task_GetOrder',
      message: expect.stringContaining(
        'resultExpression must return a context of variables, not the number 200',
      ),
    }),
  );
  await call('POST', `/instances/${encodeURIComponent(id)}/cancel`);
});

test('a task type no worker implements deploys, and waits on the queue named after it', async () => {
  // given a model whose task type has no built-in handler and no taskQueue header
  const xml = fixture('service-task-incident')
    .replace('id="service-task-incident"', 'id="unimplemented-task-type"')
    .replace('type="fail"', 'type="nobody-polls-this"');
  const deployed = await call('POST', '/definitions?deploy=true', xml, {
    'content-type': 'application/xml',
  });
  expect(deployed.status).toBe(201);
  // when an instance starts
  const id = await startInstance('unimplemented-task-type', { variables: { keep: 1 } });
  // then its activity is scheduled on the queue "nobody-polls-this" (job workers by
  // convention) and the task waits there for a worker, as a Camunda job waits: no incident
  const waiting = await waitAt(id, 'Task_Fail');
  expect(waiting).toEqual(expect.objectContaining({ elementId: 'Task_Fail' }));
  expect(await scheduledActivities(id)).toEqual([['nobody-polls-this', 'nobody-polls-this']]);
  const inst = await getInstance(id);
  expect(inst.status).toBe('RUNNING');
  expect(inst.incidents).toEqual([]);
  await call('POST', `/instances/${encodeURIComponent(id)}/cancel`);
});

test('boundary-timer-service-task: the interrupting timer cancels the activity in flight', async () => {
  const id = await run('boundary-timer-service-task', { baseUrl });
  const done = await waitFor(id);
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Timer_Limit', 'EndEvent_Late']);
  expect(done.status).toBe('COMPLETED');
  const [events] = await historyChain(id);
  expect(events).toContain('ACTIVITY_TASK_CANCEL_REQUESTED');
});

/** Starts a fixture with its built-in tasks as regular activities (deployRemote). */
async function runRemote(name: string, variables: Record<string, unknown>): Promise<string> {
  const id = await startInstance(await deployRemote(name), { variables });
  replay.add(id, `${name}-remote`);
  return id;
}

/** Starts slow-service-task (remote or local) and waits until its request is held. */
async function heldSlowTask(
  remote: boolean,
): Promise<{ id: string; request: http.ServerResponse }> {
  const before = held.length;
  const id = remote
    ? await runRemote('slow-service-task', { baseUrl })
    : await run('slow-service-task', { baseUrl }, 'slow-service-task-local');
  const deadline = Date.now() + 10_000;
  while (held.length === before && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  expect(held.length).toBe(before + 1);
  return { id, request: held[before] };
}

test('slow-service-task: cancelling the instance cancels the activity in flight', async () => {
  // Given a task nothing in the model can interrupt, its request held by the service
  const { id } = await heldSlowTask(true);
  await waitAt(id, 'Task_Slow');
  // When the instance is cancelled through the API
  const res = await call('POST', `/instances/${encodeURIComponent(id)}/cancel`);
  expect(res.status).toBe(202);
  // Then the activity is cancelled with it
  const done = await waitFor(id);
  expect(done.status).toBe('CANCELED');
  const [events] = await historyChain(id);
  expect(events).toContain('ACTIVITY_TASK_CANCEL_REQUESTED');
  expect(events[events.length - 1]).toBe('WORKFLOW_EXECUTION_CANCELED');
});

test('slow-service-task as a local activity: cancelling the instance aborts its request', async () => {
  // Given the same task as a local activity (revision 5), its request held by the service
  const { id, request } = await heldSlowTask(false);
  // When the instance is cancelled through the API (it reaches the worker at the latest with
  // the workflow task's heartbeat, while the local activity holds the workflow task)
  const res = await call('POST', `/instances/${encodeURIComponent(id)}/cancel`);
  expect(res.status).toBe(202);
  // Then the instance is cancelled and the request aborted
  const done = await waitFor(id);
  expect(done.status).toBe('CANCELED');
  expect(request.socket?.destroyed ?? true).toBe(true);
  const [events] = await historyChain(id);
  expect(events).not.toContain('ACTIVITY_TASK_SCHEDULED');
  expect(events[events.length - 1]).toBe('WORKFLOW_EXECUTION_CANCELED');
});

test('loop-continue-as-new: 800 iterations with an activity each continue as new and finish', async () => {
  // Regular activities: 800 local ones make a history too short to continue as new.
  const id = await runRemote('loop-continue-as-new', { n: 800 });
  const done = await waitFor(id, undefined, 240_000);
  expect(done.status).toBe('COMPLETED');
  expect(done).toEqual(expect.objectContaining({ variables: { n: 800, count: 800 } }));
  expect(done.generation).toBeGreaterThanOrEqual(1);
  expect(trailIds(done).slice(-2)).toEqual(['Gateway_Done', 'EndEvent_1']);
  // Each run starts with the attributes the last one published: none upserts (nothing waits).
  const runs = await historyChain(id);
  expect(runs).toHaveLength(done.generation + 1);
  expect(runs.flat()).not.toContain('UPSERT_WORKFLOW_SEARCH_ATTRIBUTES');
}, 300_000);

const scriptLoop = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="script-loop" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:exclusiveGateway id="Loop"><bpmn:incoming>f1</bpmn:incoming><bpmn:incoming>f4</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:scriptTask id="Inc"><bpmn:extensionElements><zeebe:script expression="=count + 1" resultVariable="count"/></bpmn:extensionElements><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:scriptTask>
    <bpmn:exclusiveGateway id="Done" default="f4"><bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f4</bpmn:outgoing><bpmn:outgoing>f5</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:endEvent id="End"><bpmn:incoming>f5</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Loop"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Loop" targetRef="Inc"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Inc" targetRef="Done"/>
    <bpmn:sequenceFlow id="f4" sourceRef="Done" targetRef="Loop"/>
    <bpmn:sequenceFlow id="f5" sourceRef="Done" targetRef="End"><bpmn:conditionExpression>=count &gt;= 10000</bpmn:conditionExpression></bpmn:sequenceFlow>
  </bpmn:process>
</bpmn:definitions>`;

test('a 10,000-iteration loop completes; the trail stays bounded', async () => {
  const dep = await call('POST', '/definitions?deploy=true', scriptLoop, {
    'content-type': 'application/xml',
  });
  expect([200, 201]).toContain(dep.status);
  const id = await startInstance('script-loop', { variables: { count: 0 } });
  replay.add(id, 'script-loop-10000');
  const done = await waitFor(id, undefined, 60_000);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables).toEqual({ count: 10000 });
  expect(done.trail.length).toBeLessThanOrEqual(1000);
  expect(done.trailDropped).toBeGreaterThan(0);
  expect(trailIds(done).slice(-2)).toEqual(['Done', 'End']);
});
