/**
 * A local activity outlives its worker (driver revision 5): an http task runs as a local
 * activity on a worker of the test's own; the worker is killed with SIGKILL while the request
 * is in flight, before the workflow task that ran it completed. A new worker takes the
 * workflow task over and runs the local activity again — at least once per attempt, the same
 * `Idempotency-Key` each time — and the task completes exactly once in the trail.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { historyChain, ReplayCheck } from '../support/histories';
import { OwnStack } from './support/own-stack';

const replay = new ReplayCheck();
const stack = new OwnStack('local-kill');

/** The customer's service: holds the first request (the worker dies meanwhile), answers the rest. */
const requests: string[] = [];
const server = http.createServer((req, res) => {
  requests.push(String(req.headers['idempotency-key']));
  if (requests.length === 1) return; // held until the worker's socket closes
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ answer: 42 }));
});

const model = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="local-http-kill" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Task_Before"><bpmn:extensionElements><zeebe:taskDefinition type="noop" /></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:serviceTask id="Task_Call">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="http" retries="1" />
        <zeebe:ioMapping><zeebe:input source="GET" target="method" /><zeebe:input source="=serviceUrl" target="url" /></zeebe:ioMapping>
        <zeebe:taskHeaders><zeebe:header key="resultExpression" value="={answer: response.body.answer}" /></zeebe:taskHeaders>
      </bpmn:extensionElements>
      <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:serviceTask id="Task_After"><bpmn:extensionElements><zeebe:taskDefinition type="noop" /></bpmn:extensionElements><bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f4</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>f4</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="StartEvent_1" targetRef="Task_Before" />
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Before" targetRef="Task_Call" />
    <bpmn:sequenceFlow id="f3" sourceRef="Task_Call" targetRef="Task_After" />
    <bpmn:sequenceFlow id="f4" sourceRef="Task_After" targetRef="EndEvent_1" />
  </bpmn:process>
</bpmn:definitions>`;

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  await stack.start();
}, 300_000);

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await stack.stop();
  expect(await replay.replayAll()).toEqual([]);
}, 120_000);

async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: last ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('a local http task re-runs after a worker SIGKILL and completes once', async () => {
  // given an instance whose local http task's request is in flight on our own worker
  const deployed = await fetch(`${stack.url}/definitions?deploy=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml' },
    body: model,
  });
  expect([200, 201]).toContain(deployed.status);
  const { port } = server.address() as AddressInfo;
  const started = await fetch(`${stack.url}/definitions/local-http-kill/instances`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ variables: { serviceUrl: `http://127.0.0.1:${port}/answer` } }),
  });
  expect(started.status).toBe(201);
  const id = ((await started.json()) as { instanceId: string }).instanceId;
  replay.add(id, 'local-http-worker-kill');
  await until(
    'the first request',
    async () => requests.length,
    (n) => n === 1,
  );

  // when the worker is killed before the workflow task completes, and started again
  await stack.killAndRestartWorker();

  // then the new worker runs the local activity again and the instance completes
  const instance = async (): Promise<any> =>
    (await fetch(`${stack.url}/instances/${encodeURIComponent(id)}`)).json();
  const done = await until('completion', instance, (i) => i.status === 'COMPLETED');
  expect(done.trail.map((t: { elementId: string }) => t.elementId)).toEqual([
    'StartEvent_1',
    'Task_Before',
    'Task_Call',
    'Task_After',
    'EndEvent_1',
  ]);
  expect(done.variables.answer).toBe(42);
  // at least once per attempt: the request was sent twice, with the same key
  expect(requests).toHaveLength(2);
  expect(requests[1]).toBe(requests[0]);
  // no activity was scheduled: the three tasks are markers, recorded once each
  const [events] = await historyChain(id);
  expect(events).not.toContain('ACTIVITY_TASK_SCHEDULED');
  expect(events.filter((e) => e === 'MARKER_RECORDED')).toHaveLength(3);
}, 300_000);
