/**
 * The message buffer end to end (issue 16, defect 6): a message for a name the model never
 * subscribes to is refused (422 naming it); a buffered message expires after its
 * `timeToLive`; the buffer keeps at most 100 messages and 1 MiB of variables, dropping the
 * oldest first.
 */
import {
  call,
  completeUserTask,
  sendMessage,
  startInstance,
  waitAt,
  waitFor,
} from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();

const model = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:message id="Msg_Late" name="late"/>
  <bpmn:process id="message-buffer" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Task_Hold"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:receiveTask id="Receive_Late" messageRef="Msg_Late"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:receiveTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_Hold"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Hold" targetRef="Receive_Late"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Receive_Late" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

beforeAll(async () => {
  const res = await call('POST', '/definitions?deploy=true', model, {
    'content-type': 'application/xml',
  });
  expect([200, 201]).toContain(res.status);
});
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

async function held(name: string): Promise<string> {
  const id = await startInstance('message-buffer', {});
  replay.add(id, name);
  await waitAt(id, 'Task_Hold');
  return id;
}

test('a message the model never subscribes to is refused with 422 naming it', async () => {
  const id = await held('message-buffer-unknown-name');
  const res = await call('POST', `/instances/${encodeURIComponent(id)}/messages`, {
    name: 'no-such-message',
  });
  expect(res.status).toBe(422);
  expect(res.contentType).toContain('application/problem+json');
  expect(res.body).toEqual(
    expect.objectContaining({
      type: 'urn:waymark:problem:unknown-message',
      messageName: 'no-such-message',
      detail: expect.stringContaining(
        "never subscribes to message 'no-such-message' (it subscribes to 'late')",
      ),
    }),
  );
  await call('POST', `/instances/${encodeURIComponent(id)}/cancel`);
});

test('a buffered message expires after its timeToLive', async () => {
  const id = await held('message-buffer-ttl');
  // given a message buffered for 1 s while the instance is still at the user task
  await sendMessage(id, { name: 'late', variables: { first: true }, timeToLive: 1000 });
  await new Promise((r) => setTimeout(r, 2000));
  // when the receive task opens after that, it does not get the expired message
  await completeUserTask(id, 'Task_Hold');
  const waiting = await waitAt(id, 'Receive_Late');
  expect(waiting.elementId).toBe('Receive_Late');
  // and a fresh message completes it
  await sendMessage(id, { name: 'late', variables: { second: true } });
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables).toEqual({ second: true });
}, 60_000);

test('the buffer keeps the newest 100 messages, dropping the oldest', async () => {
  const id = await held('message-buffer-count');
  for (let seq = 1; seq <= 105; seq++)
    await sendMessage(id, { name: 'late', messageId: `m-${seq}`, variables: { seq } });
  await completeUserTask(id, 'Task_Hold');
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  // messages 1–5 were dropped; the receive task takes the oldest one kept
  expect(done.variables).toEqual({ seq: 6 });
}, 120_000);

test('the buffer keeps at most 1 MiB of variables, dropping the oldest', async () => {
  const id = await held('message-buffer-bytes');
  for (const seq of [1, 2, 3])
    await sendMessage(id, { name: 'late', variables: { seq, pad: 'p'.repeat(400_000) } });
  await completeUserTask(id, 'Task_Hold');
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables.seq).toBe(2);
}, 60_000);
