/**
 * Continue-as-new does not wait for children (issue 16, defect 9): a call activity whose child
 * waits on a person is carried across continue-as-new — the other branch keeps going and the
 * instance continues as new while the child runs; when the child ends, the new run gets its
 * outcome (the child signals the parent's workflow id) and the instance completes.
 */
import { call, sendMessage, startInstance, trailIds, waitAt, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

const NS = `xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn"`;

const child = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}>
  <bpmn:process id="carried-child" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="UserTask_Child"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="UserTask_Child"/>
    <bpmn:sequenceFlow id="f2" sourceRef="UserTask_Child" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

const parent = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}>
  <bpmn:message id="Msg_Chunk" name="chunk"/>
  <bpmn:process id="carried-parent" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:parallelGateway id="Fork"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing><bpmn:outgoing>f3</bpmn:outgoing></bpmn:parallelGateway>
    <bpmn:callActivity id="Call_Child"><bpmn:extensionElements><zeebe:calledElement processId="carried-child"/></bpmn:extensionElements><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f4</bpmn:outgoing></bpmn:callActivity>
    <bpmn:receiveTask id="Receive" messageRef="Msg_Chunk"><bpmn:incoming>f3</bpmn:incoming><bpmn:incoming>f6</bpmn:incoming><bpmn:outgoing>f5</bpmn:outgoing></bpmn:receiveTask>
    <bpmn:exclusiveGateway id="Done" default="f6"><bpmn:incoming>f5</bpmn:incoming><bpmn:outgoing>f6</bpmn:outgoing><bpmn:outgoing>f7</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:parallelGateway id="Join"><bpmn:incoming>f4</bpmn:incoming><bpmn:incoming>f7</bpmn:incoming><bpmn:outgoing>f8</bpmn:outgoing></bpmn:parallelGateway>
    <bpmn:endEvent id="End"><bpmn:incoming>f8</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Fork"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Fork" targetRef="Call_Child"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Fork" targetRef="Receive"/>
    <bpmn:sequenceFlow id="f4" sourceRef="Call_Child" targetRef="Join"/>
    <bpmn:sequenceFlow id="f5" sourceRef="Receive" targetRef="Done"/>
    <bpmn:sequenceFlow id="f6" sourceRef="Done" targetRef="Receive"/>
    <bpmn:sequenceFlow id="f7" sourceRef="Done" targetRef="Join"><bpmn:conditionExpression>=done = true</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f8" sourceRef="Join" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

beforeAll(async () => {
  for (const xml of [child, parent]) {
    const res = await call('POST', '/definitions?deploy=true', xml, {
      'content-type': 'application/xml',
    });
    expect([200, 201]).toContain(res.status);
  }
});

test('a call activity waiting on a person does not hold back continue-as-new', async () => {
  const id = await startInstance('carried-parent', {});
  await waitAt(id, 'Call_Child');
  // given the child waiting at its user task, when the other branch makes Temporal suggest
  // continue-as-new (five ~1 MB chunks: history over 4 MiB; the state stays ~1 MB)
  for (const c of ['a', 'b', 'c', 'd', 'e']) {
    await waitAt(id, 'Receive');
    await sendMessage(id, { name: 'chunk', variables: { blob: c.repeat(950_000) } });
  }
  // then the parent continues as new while the child still runs
  const continued = await waitFor(id, (i) => i.generation >= 1, 60_000);
  expect(continued.activeElements.map((a: any) => a.elementId)).toContain('Call_Child');
  await sendMessage(id, { name: 'chunk', variables: { blob: null, done: true } });
  await waitFor(
    id,
    (i) =>
      trailIds(i).includes('Done') && !i.activeElements.some((a: any) => a.elementId === 'Receive'),
  );
  // when the child's user task completes, the new run gets the child's outcome
  const tasks = await call('GET', '/user-tasks');
  const task = tasks.body.items.find(
    (t: any) =>
      t.elementId === 'UserTask_Child' &&
      String(t.flowElementInstanceId).startsWith('carried-child:'),
  );
  expect(task).toBeDefined();
  const completed = await call(
    'POST',
    `/user-tasks/${encodeURIComponent(task.flowElementInstanceId)}/complete`,
    { variables: { approved: true } },
  );
  expect(completed.status).toBe(200);
  const done = await waitFor(id, undefined, 60_000);
  expect(done.status).toBe('COMPLETED');
  expect(done.generation).toBeGreaterThanOrEqual(1);
  expect(done.variables.approved).toBe(true);
  expect(trailIds(done)).toContain('Call_Child');
  expect(trailIds(done).slice(-2)).toEqual(['Join', 'End']);
  replay.add(id, 'carried-children-parent');
}, 180_000);
