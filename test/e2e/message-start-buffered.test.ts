/**
 * Camunda 8's rule for a keyed message start (issue 15): a publication for a correlation key
 * whose instance still runs starts nothing then, but when it is buffered (a time to live) it
 * starts the next instance once the running one has ended — completed or cancelled — with its
 * own variables, once. The publication that started an instance never starts a second one.
 */
import { call, completeUserTask, deployXml, waitAt, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';
import { mailboxState } from '../support/mailbox';
import { mailboxId } from '../../workflows/mailbox/contract';

const replay = new ReplayCheck();
const KEY = 'restock-by-message';

const model = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:message id="Msg_Low" name="stock-low" />
  <bpmn:process id="${KEY}" isExecutable="true">
    <bpmn:startEvent id="Start_Low"><bpmn:outgoing>f1</bpmn:outgoing>
      <bpmn:messageEventDefinition id="Med_1" messageRef="Msg_Low" />
    </bpmn:startEvent>
    <bpmn:userTask id="Task_Order"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start_Low" targetRef="Task_Order"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Order" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

beforeAll(() => deployXml(model));
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

const low = (correlationKey: string, n: number, timeToLive?: string) =>
  call('POST', '/messages/publication', {
    name: 'stock-low',
    correlationKey,
    variables: { n },
    ...(timeToLive ? { timeToLive } : {}),
  });

/** Waits until the mailbox of `key` counts `messageKey` as having started the definition. */
async function waitStartedFor(key: string, messageKey: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const state = await mailboxState('stock-low', key);
    const message = state?.messages.find((m) => m.messageKey === messageKey);
    if (message?.startedFor?.includes(KEY)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${messageKey} never counted as started for ${KEY}`);
}

/** The instance's status and variables a moment after the mailbox decided: nothing new started. */
async function settledInstance(id: string): Promise<{ status: string; n: unknown; run: string }> {
  await new Promise((r) => setTimeout(r, 2_000));
  const res = await call('GET', `/instances/${encodeURIComponent(id)}`);
  return { status: res.body.status, n: res.body.variables?.n, run: res.body.runId };
}

test('a publication buffered while the keyed instance runs starts the next one when it completes', async () => {
  // given an instance started for S-1 and a second S-1 publication buffered for a minute
  const first = await low('S-1', 1);
  const id = first.body.started[0].instanceId;
  await waitAt(id, 'Task_Order');
  const second = await low('S-1', 2, 'PT1M');
  expect(second.status).toBe(200);
  expect(second.body).toMatchObject({ started: [], buffered: true });

  // when the first completes, then the buffered one starts the next instance with its variables
  await completeUserTask(id, 'Task_Order');
  const next = await waitFor(id, (i) => i.status === 'RUNNING' && i.variables?.n === 2);
  expect(next.activeElements.map((a: any) => a.elementId)).toEqual(['Task_Order']);

  // and when that one completes, nothing starts again: the message started it already
  await completeUserTask(id, 'Task_Order');
  expect((await waitFor(id)).status).toBe('COMPLETED');
  await waitStartedFor('S-1', second.body.messageKey);
  expect(await settledInstance(id)).toMatchObject({ status: 'COMPLETED', n: 2 });
  replay.add(id, 'message-start-buffered-after-release');
  replay.add(mailboxId('stock-low', 'S-1'), 'mailbox-start-after-release');
});

test('the publication that started an instance does not start another when it ends', async () => {
  const first = await low('S-2', 1, 'PT1M');
  const id = first.body.started[0].instanceId;
  await completeUserTask(id, 'Task_Order');
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  await waitStartedFor('S-2', first.body.messageKey);
  expect(await settledInstance(id)).toMatchObject({ status: 'COMPLETED', n: 1, run: done.runId });
});

test('a cancelled holder releases the key too', async () => {
  const first = await low('S-3', 1);
  const id = first.body.started[0].instanceId;
  await waitAt(id, 'Task_Order');
  expect((await low('S-3', 2, 'PT1M')).body.started).toEqual([]);
  expect((await call('POST', `/instances/${encodeURIComponent(id)}/cancel`)).status).toBe(202);
  const next = await waitFor(id, (i) => i.status === 'RUNNING' && i.variables?.n === 2);
  expect(next.activeElements.map((a: any) => a.elementId)).toEqual(['Task_Order']);
  await call('POST', `/instances/${encodeURIComponent(id)}/cancel`);
});
