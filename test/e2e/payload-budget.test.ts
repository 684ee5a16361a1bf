/**
 * Payload budgets end to end (issue 16, defect 5): a start body over the API limit and a start
 * input over the payload budget answer 413 naming the size and the limit (not Temporal's 500);
 * a 10,000-key instance and a 1.5 MB variable run; a task result, a task input and a state too
 * big to continue as new each become an incident naming the size instead of a stalled workflow.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { call, sendMessage, startInstance, trailIds, waitAt, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
let server: http.Server;
let baseUrl: string;

const NS = `xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn"`;

/** Start → echo task → end: the task sees (and returns) every variable. */
const echoModel = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}>
  <bpmn:process id="budget-echo" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Task_Noop"><bpmn:extensionElements><zeebe:taskDefinition type="noop"/></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_Noop"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Noop" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

/** An http task whose result expression doubles a large response body. */
const bigResultModel = (url: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}>
  <bpmn:process id="budget-result" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Task_Fetch"><bpmn:extensionElements><zeebe:taskDefinition type="http" retries="1"/>
      <zeebe:ioMapping><zeebe:input source="GET" target="method"/><zeebe:input source="${url}" target="url"/></zeebe:ioMapping>
      <zeebe:taskHeaders><zeebe:header key="resultExpression" value="={a: response.body, b: response.body}"/></zeebe:taskHeaders>
    </bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_Fetch"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Fetch" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

/** Receives chunks until one says done, then runs a task that sees every variable. */
const chunkModel = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}>
  <bpmn:message id="Msg_Chunk" name="chunk"/>
  <bpmn:process id="budget-chunks" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:receiveTask id="Receive" messageRef="Msg_Chunk"><bpmn:incoming>f1</bpmn:incoming><bpmn:incoming>f4</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:receiveTask>
    <bpmn:exclusiveGateway id="Done" default="f4"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing><bpmn:outgoing>f4</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:serviceTask id="Task_All"><bpmn:extensionElements><zeebe:taskDefinition type="noop"/></bpmn:extensionElements><bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f5</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f5</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Receive"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Receive" targetRef="Done"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Done" targetRef="Task_All"><bpmn:conditionExpression>=done = true</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f4" sourceRef="Done" targetRef="Receive"/>
    <bpmn:sequenceFlow id="f5" sourceRef="Task_All" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

async function deploy(xml: string): Promise<void> {
  const res = await call('POST', '/definitions?deploy=true', xml, {
    'content-type': 'application/xml',
  });
  expect([200, 201]).toContain(res.status);
}

beforeAll(async () => {
  // The customer's service: a 1 MB JSON string body.
  const body = JSON.stringify('r'.repeat(1_000_000));
  server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await deploy(echoModel);
  await deploy(chunkModel);
  await deploy(bigResultModel(`${baseUrl}/big`));
}, 60_000);

afterAll(async () => {
  await new Promise((r) => server.close(r));
  expect(await replay.replayAll()).toEqual([]);
}, 180_000);

test('a 3 MB start body answers 413 problem+json with the size and the limit, not 500', async () => {
  const res = await call('POST', '/definitions/budget-echo/instances', {
    variables: { big: 'x'.repeat(3 * 1024 * 1024) },
  });
  expect(res.status).toBe(413);
  expect(res.contentType).toContain('application/problem+json');
  expect(res.body.type).toBe('urn:waymark:problem:body-too-large');
  expect(res.body.size).toBeGreaterThan(3 * 1024 * 1024);
  expect(res.body.limit).toBe(1.5 * 1024 * 1024);
  expect(res.body.detail).toMatch(/of \d+ bytes exceeds the limit of 1572864 bytes/);
});

test('an instance with 10,000 variable keys runs to the end with every key', async () => {
  const variables: Record<string, number> = {};
  for (let i = 0; i < 10_000; i++) variables[`v${i}`] = i;
  const id = await startInstance('budget-echo', { variables });
  replay.add(id, 'budget-10000-keys');
  const done = await waitFor(id, undefined, 60_000);
  expect(done.status).toBe('COMPLETED');
  expect(Object.keys(done.variables)).toHaveLength(10_000);
  expect(done.variables.v9999).toBe(9999);
}, 90_000);

test('a 1.5 MB variable runs through a task and comes back whole', async () => {
  const big = 'y'.repeat(1_500_000);
  const id = await startInstance('budget-echo', { variables: { big } });
  // Not replayed here: its history (input, task, result: 1.5 MB each) is over the 4 MiB a
  // gRPC client fetches by default.
  const done = await waitFor(id, undefined, 60_000);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables.big).toBe(big);
}, 90_000);

test('a task result over the budget parks an incident naming its size', async () => {
  const id = await startInstance('budget-result', {});
  replay.add(id, 'budget-task-result');
  const inst = await waitFor(id, (i) => i.incidents?.length > 0, 60_000);
  expect(inst.status).toBe('RUNNING');
  expect(inst.incidents[0]).toEqual(
    expect.objectContaining({
      elementId: 'Task_Fetch',
      message: expect.stringMatching(
        /result of http is \d+ bytes .*over the payload budget of 1835008 bytes/,
      ),
    }),
  );
}, 90_000);

test('a task input over the budget parks an incident instead of stalling the workflow', async () => {
  const chunk = 'z'.repeat(950_000);
  const id = await startInstance('budget-chunks', { variables: { blob: chunk } });
  replay.add(id, 'budget-task-input');
  await waitAt(id, 'Receive');
  await sendMessage(id, { name: 'chunk', variables: { blob2: chunk, done: true } });
  const inst = await waitFor(id, (i) => i.incidents?.length > 0, 60_000);
  expect(inst.status).toBe('RUNNING');
  expect(inst.incidents[0]).toEqual(
    expect.objectContaining({
      elementId: 'Task_All',
      message: expect.stringMatching(
        /the input of task 'Task_All' of \d+ bytes .*exceeds the payload budget/,
      ),
    }),
  );
}, 90_000);

test('a state too big to continue as new is an incident; the instance runs on and ends', async () => {
  // Each chunk adds ~1 MB of history; five of them make Temporal suggest continue-as-new
  // (4 MiB), and the last two keys make the state ~1.9 MB, over the 1.75 MiB budget.
  const chunk = (c: string) => c.repeat(950_000);
  const id = await startInstance('budget-chunks', {});
  for (const c of ['a', 'b', 'c', 'd']) {
    await waitAt(id, 'Receive');
    await sendMessage(id, { name: 'chunk', variables: { blob: chunk(c) } });
  }
  await waitAt(id, 'Receive');
  await sendMessage(id, { name: 'chunk', variables: { blob2: chunk('e') } });
  const inst = await waitFor(id, (i) => i.incidents?.length > 0, 60_000);
  expect(inst.status).toBe('RUNNING');
  expect(inst.incidents[0].message).toMatch(
    /the state to continue as new with of \d+ bytes .*exceeds the payload budget/,
  );
  // Shrinking the state lets it go on and finish (in the same run).
  await sendMessage(id, { name: 'chunk', variables: { blob: null, blob2: null, done: true } });
  const done = await waitFor(id, undefined, 60_000);
  expect(done.status).toBe('COMPLETED');
  expect(done.generation).toBe(0);
}, 180_000);

test('a continued run carries its IR by reference, not in its input, and replays', async () => {
  // Five ~1 MB chunks in one variable: history over 4 MiB (Temporal suggests continue-as-new)
  // while the state stays ~1 MB.
  const id = await startInstance('budget-chunks', {});
  for (const c of ['a', 'b', 'c', 'd', 'e']) {
    await waitAt(id, 'Receive');
    await sendMessage(id, { name: 'chunk', variables: { blob: c.repeat(950_000) } });
  }
  await waitFor(id, (i) => i.generation >= 1, 60_000);
  await sendMessage(id, { name: 'chunk', variables: { blob: null, done: true } });
  const done = await waitFor(id, undefined, 60_000);
  expect(done.status).toBe('COMPLETED');
  expect(done.incidents).toEqual([]);
  expect(trailIds(done).slice(-2)).toEqual(['Task_All', 'End']);
  const input = await latestRunInput(id);
  expect(input.ir).toBeUndefined();
  expect(input.irRef).toEqual({
    definitionId: done.definition.id,
    version: done.definition.version,
    hash: expect.stringMatching(/^fnv1a32:[0-9a-f]{8}:\d+$/),
  });
  expect(input.resume).toBeDefined();
  replay.add(id, 'budget-ir-by-reference');
}, 180_000);

/** The start input of the latest run of a workflow. */
async function latestRunInput(workflowId: string): Promise<Record<string, unknown>> {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  try {
    const history = await new Client({ connection }).workflow.getHandle(workflowId).fetchHistory();
    const data = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0]
      ?.data as Uint8Array;
    return JSON.parse(Buffer.from(data).toString('utf8')) as Record<string, unknown>;
  } finally {
    await connection.close();
  }
}
