/**
 * Messages across instances through the API (issue 15): `POST /messages/publication` reaches
 * the instance waiting for its correlation key and no other, buffers by its time to live for
 * instances that subscribe later (and not after it expired), refuses a `messageId` still
 * buffered with 409; `POST /messages/correlation` reaches a waiting instance or is a 404 and
 * buffers nothing; bad bodies are 400s naming the field.
 */
import { call, deployXml, startInstance, trailIds, waitAt, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';
import { mailboxState, waitSubscribed } from '../support/mailbox';

const replay = new ReplayCheck();

const model = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:message id="Msg_Paid" name="payment-received">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements>
  </bpmn:message>
  <bpmn:process id="awaits-payment" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:intermediateCatchEvent id="Catch_Paid"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
      <bpmn:messageEventDefinition id="Med_1" messageRef="Msg_Paid" />
    </bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Catch_Paid"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Catch_Paid" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

beforeAll(() => deployXml(model));
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

async function waiting(orderId: string, name: string): Promise<string> {
  const id = await startInstance('awaits-payment', { variables: { orderId } });
  replay.add(id, name);
  await waitAt(id, 'Catch_Paid');
  return id;
}

const publish = (body: Record<string, unknown>) => call('POST', '/messages/publication', body);

test('a publication reaches only the instance waiting for its correlation key', async () => {
  // given two instances waiting for payment of orders
  const first = await waiting('A-1', 'publication-a1');
  const second = await waiting('A-2', 'publication-a2');
  await waitSubscribed('payment-received', 'A-2', second);
  // when the payment for A-2 is published
  const res = await publish({
    name: 'payment-received',
    correlationKey: 'A-2',
    variables: { amount: 42 },
  });
  // then it reached the second instance, which completes with the message's variables
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({
    messageKey: expect.any(String),
    reached: [{ instanceId: second, elementId: 'Catch_Paid' }],
    buffered: false,
  });
  const done = await waitFor(second);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables).toMatchObject({ orderId: 'A-2', amount: 42 });
  expect(trailIds(done)).toEqual(['Start', 'Catch_Paid', 'End']);
  // and the first still waits for its own
  expect((await waitAt(first, 'Catch_Paid')).elementId).toBe('Catch_Paid');
  await call('POST', `/instances/${encodeURIComponent(first)}/cancel`);
});

test('a buffered publication reaches an instance that subscribes within its time to live', async () => {
  // given a payment published for A-3 with nobody waiting, buffered for a minute
  const res = await publish({
    name: 'payment-received',
    correlationKey: 'A-3',
    timeToLive: 'PT1M',
    variables: { amount: 7 },
  });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ reached: [], buffered: true });
  // when an instance for A-3 starts, then it completes with the buffered message
  const id = await startInstance('awaits-payment', { variables: { orderId: 'A-3' } });
  replay.add(id, 'publication-buffered');
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables).toMatchObject({ amount: 7 });
});

test('publications racing the starts of their instances reach each exactly once', async () => {
  // given five orders whose payments are published while their instances start
  const keys = ['R-1', 'R-2', 'R-3', 'R-4', 'R-5'];
  const [ids] = await Promise.all([
    Promise.all(keys.map((k) => startInstance('awaits-payment', { variables: { orderId: k } }))),
    Promise.all(
      keys.map((k, i) =>
        publish({
          name: 'payment-received',
          correlationKey: k,
          timeToLive: 60_000,
          variables: { amount: i },
        }),
      ),
    ),
  ]);
  ids.forEach((id, i) => replay.add(id, `publication-race-${i}`));
  // then every instance completes with its own payment, received once
  for (const [i, id] of ids.entries()) {
    const done = await waitFor(id);
    expect(done.status).toBe('COMPLETED');
    expect(done.variables).toMatchObject({ orderId: keys[i], amount: i });
    expect(trailIds(done).filter((e) => e === 'Catch_Paid')).toHaveLength(1);
  }
});

test('an expired publication reaches nobody', async () => {
  // given a payment for A-4 buffered for 1 s, and that second passed
  const res = await publish({ name: 'payment-received', correlationKey: 'A-4', timeToLive: 1000 });
  expect(res.body.buffered).toBe(true);
  await new Promise((r) => setTimeout(r, 2000));
  // when an instance for A-4 starts, then it subscribes and keeps waiting
  const id = await waiting('A-4', 'publication-expired');
  await waitSubscribed('payment-received', 'A-4', id);
  await new Promise((r) => setTimeout(r, 1000));
  expect((await waitAt(id, 'Catch_Paid')).elementId).toBe('Catch_Paid');
  const mailbox = await mailboxState('payment-received', 'A-4');
  expect(mailbox?.messages).toEqual([]);
  await call('POST', `/instances/${encodeURIComponent(id)}/cancel`);
});

test('the same messageId while the first is buffered is a 409 naming the first messageKey', async () => {
  const body = {
    name: 'payment-received',
    correlationKey: 'A-9',
    messageId: 'pay-9',
    timeToLive: 60_000,
  };
  const first = await publish(body);
  expect(first.status).toBe(200);
  const second = await publish(body);
  expect(second.status).toBe(409);
  expect(second.contentType).toContain('application/problem+json');
  expect(second.body).toMatchObject({ messageKey: first.body.messageKey });
});

test('a correlation reaches a waiting instance, and is a 404 that buffers nothing when none waits', async () => {
  // given an instance waiting for A-5
  const id = await waiting('A-5', 'correlation-a5');
  await waitSubscribed('payment-received', 'A-5', id);
  // when the payment is correlated, then the answer names the instance and element
  const res = await call('POST', '/messages/correlation', {
    name: 'payment-received',
    correlationKey: 'A-5',
    variables: { amount: 5 },
  });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ instanceId: id, elementId: 'Catch_Paid' });
  expect((await waitFor(id)).variables).toMatchObject({ amount: 5 });
  // and a correlation nobody waits for is a 404, and was not kept for later
  const none = await call('POST', '/messages/correlation', {
    name: 'payment-received',
    correlationKey: 'A-6',
  });
  expect(none.status).toBe(404);
  const later = await waiting('A-6', 'correlation-not-buffered');
  await waitSubscribed('payment-received', 'A-6', later);
  expect((await waitAt(later, 'Catch_Paid')).elementId).toBe('Catch_Paid');
  await call('POST', `/instances/${encodeURIComponent(later)}/cancel`);
});

test.each([
  [{ name: 'x', nope: 1 }, 'body.nope'],
  [{ correlationKey: 'k' }, 'body.name'],
  [{ name: 'x', timeToLive: 'P400D' }, 'body.timeToLive'],
  [{ name: 'x', timeToLive: 'soon' }, 'body.timeToLive'],
])('a bad publication %j is a 400 naming %s', async (body, path) => {
  const res = await publish(body);
  expect(res.status).toBe(400);
  expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
});
