/**
 * A mailbox picked up by a new worker after a crash replays (found by the fault suite,
 * test/fault): an instance waits for its message, the worker is killed with SIGKILL, a
 * publication with a time to live arrives while no worker runs, and a new worker handles it
 * in the same activation that rebuilds the mailbox. The mailbox's history must replay with the
 * current code — before the fix, the update's completion came after the expiry timer there
 * and a later replay failed with "Update machine does not handle this event: TimerStarted".
 */
import { mailboxId } from '../../workflows/mailbox/contract';
import { ReplayCheck } from '../support/histories';
import { waitSubscribed } from '../support/mailbox';
import { OwnStack } from './support/own-stack';

const replay = new ReplayCheck();
const stack = new OwnStack('mailbox-restart');
const name = 'restart-shipped';

const model = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:message id="Msg" name="${name}">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements>
  </bpmn:message>
  <bpmn:process id="awaits-restart" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:intermediateCatchEvent id="Catch"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
      <bpmn:messageEventDefinition id="Med" messageRef="Msg" />
    </bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Catch"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Catch" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(() => stack.start(), 300_000);
afterAll(() => stack.stop(), 60_000);

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(250);
  }
}

test('a publication handled by a worker that picked the mailbox up after a crash replays', async () => {
  // given an instance waiting for its message, subscribed with its mailbox
  expect((await stack.call('POST', '/definitions?deploy=true', model)).status).toBe(201);
  const orderId = `restart-${process.pid}`;
  const started = await stack.call('POST', '/definitions/awaits-restart/instances', {
    variables: { orderId },
  });
  expect(started.status).toBe(201);
  const id: string = started.body.instanceId;
  replay.add(id);
  replay.add(mailboxId(name, orderId));
  await waitSubscribed(name, orderId, id, 60_000);

  // when the worker is killed, the message published meanwhile, and a new worker started
  await stack.killWorker();
  const publish = () =>
    stack.call('POST', '/messages/publication', {
      name,
      correlationKey: orderId,
      messageId: `m-${orderId}`,
      timeToLive: 'PT2M',
      variables: { shipped: true },
    });
  const first = publish();
  await sleep(2000);
  await stack.restartWorker();
  let answer = await first;
  while (answer.status >= 500) answer = await publish(); // the client retries a 5xx
  expect([200, 409]).toContain(answer.status);

  // then the instance completes with the message, and both histories replay
  await until('the instance completed', async () => {
    const got = await stack.call('GET', `/instances/${encodeURIComponent(id)}`);
    return got.body?.status === 'COMPLETED' && got.body.variables?.shipped === true;
  });
  expect(await replay.replayAll()).toEqual([]);
}, 300_000);
