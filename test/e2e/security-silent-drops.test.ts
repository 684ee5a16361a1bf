/**
 * Nothing is dropped without a word (issue 16, defect 14), on the real stack:
 * - a task whose activity (here a worker of the test's own, on its own task queue, as any
 *   Temporal SDK worker would be) returns a list or a scalar is an incident saying so, not a
 *   completion with no variables; so is a result with a reserved name (`__proto__`; defect 15);
 * - a callback to a closed instance that cannot be asked whether it was applied (no worker for
 *   its queue) answers 503 to retry, not a 409 that would claim a conflict;
 * - `POST /cases` for a returning person with new values answers the existing case and names
 *   the fields it did not apply.
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { callbackSecret, signCallbackToken } from '../../src/callbacks/signing';
import { WaymarkKind } from '../../src/temporal/search-attributes';
import { apiUrl, call, startInstance, waitFor } from '../support/api';
import { ReplayCheck, sharedBundle } from '../support/histories';
import { post } from './support/callback-service';

const replay = new ReplayCheck();
const QUEUE = 'sec-task-results';
let worker: Worker | undefined;
let running: Promise<void> | undefined;
let connection: NativeConnection | undefined;

beforeAll(async () => {
  await sharedBundle(); // installs the SDK runtime the replay check needs, before any worker
  connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS });
  worker = await Worker.create({
    connection,
    taskQueue: QUEUE,
    activities: {
      'list-result': async () => [1, 2, 3],
      'scalar-result': async () => 42,
      'object-result': async () => ({ answer: 42 }),
      'proto-result': async () => JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}'),
    },
  });
  running = worker.run();
}, 120_000);
afterAll(async () => {
  worker?.shutdown();
  await running;
  await connection?.close();
  expect(await replay.replayAll()).toEqual([]);
}, 180_000);

function model(id: string, type: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Task_Result"><bpmn:extensionElements>
      <zeebe:taskDefinition type="${type}" retries="1"/>
      <zeebe:taskHeaders><zeebe:header key="taskQueue" value="${QUEUE}"/></zeebe:taskHeaders>
    </bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_Result"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Result" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;
}

async function run(type: string): Promise<string> {
  const id = `sec-${type}`;
  const deployed = await call('POST', '/definitions?deploy=true', model(id, type), {
    'content-type': 'application/xml',
  });
  expect(deployed.status).toBe(201);
  const instanceId = await startInstance(id, { variables: { keep: 1 } });
  replay.add(instanceId, `security-${type}`);
  return instanceId;
}

test.each([
  ['list-result', 'the task returned a list of 3, not an object of variables'],
  ['scalar-result', 'the task returned the number 42, not an object of variables'],
  ['proto-result', "the task returned a variable named '__proto__', a reserved name"],
])('a %s is an incident saying what came back', async (type, message) => {
  const id = await run(type);
  const parked = await waitFor(id, (i) => i.incidents?.length === 1);
  expect(parked.status).toBe('RUNNING');
  expect(parked.incidents[0]).toEqual(
    expect.objectContaining({
      elementId: 'Task_Result',
      message: expect.stringContaining(message),
    }),
  );
  expect(parked.variables).toEqual({ keep: 1 });
  await call('POST', `/instances/${encodeURIComponent(id)}/cancel`);
});

test('an object result is still its variables', async () => {
  const done = await waitFor(await run('object-result'));
  expect(done.status).toBe('COMPLETED');
  expect(done.variables).toEqual({ keep: 1, answer: 42 });
});

test('a callback to a closed instance that cannot be asked answers 503, not 409', async () => {
  // given a closed Waymark instance whose task queue no worker polls
  const temporal = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  try {
    const client = new Client({ connection: temporal });
    const workflowId = `sec-unanswerable:${Date.now()}`;
    const handle = await client.workflow.start('sec-unanswerable', {
      workflowId,
      taskQueue: 'sec-nobody-polls',
      args: [{}],
      typedSearchAttributes: [{ key: WaymarkKind, value: 'bpmn' }],
    });
    await handle.terminate('closed for the test');
    // when its callback URL is used
    const token = signCallbackToken(
      callbackSecret({ dataDir: process.env.WAYMARK_TEST_DATA_DIR as string }),
      {
        flowElementInstanceId: `${workflowId}/Task_Reserve/1`,
        attempt: 1,
        firstRunId: handle.firstExecutionRunId,
        expiresAt: Math.ceil(Date.now() / 1000) + 600,
      },
    );
    const res = await post(`${apiUrl()}/callbacks/${token}/success`, { data: {} });
    // then the caller is told to retry, not that its callback conflicts
    expect(res.status).toBe(503);
    expect(res.body.type).toBe('urn:waymark:problem:instance-unavailable');
    expect(res.body.detail).toContain('could not be asked whether this callback was applied');
  } finally {
    await temporal.close();
  }
}, 60_000);

test('POST /cases for a returning person says which new values it did not apply', async () => {
  const person = {
    firstName: 'Grace',
    lastName: 'Hopper',
    personalNumber: `19061209-${Date.now() % 10_000}`,
    phone: '+1 555 0100',
  };
  const created = await call('POST', '/cases', person);
  expect(created.status).toBe(201);
  expect(created.body.reused).toBeUndefined();
  const again = await call('POST', '/cases', {
    ...person,
    phone: '+1 555 0199',
    email: 'g@navy.mil',
  });
  expect(again.status).toBe(200);
  expect(again.body).toEqual(
    expect.objectContaining({
      caseId: created.body.caseId,
      phone: '+1 555 0100',
      reused: true,
      ignoredFields: ['email', 'phone'],
    }),
  );
  const same = await call('POST', '/cases', person);
  expect(same.body).toEqual(expect.objectContaining({ reused: true, ignoredFields: [] }));
  expect((await call('GET', `/cases/${created.body.caseId}`)).body.phone).toBe('+1 555 0100');
});
