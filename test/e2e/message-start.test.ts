/**
 * Message start events through the API (issue 15): a publication starts an instance of every
 * deployed definition with a message start event for its name, at that start event, with the
 * message's variables. With a correlation key no second instance starts while the first one
 * started by that key runs (Camunda 8's rule; that publication starts nothing), and once it
 * ended the next publication starts a new one. A definition that only starts by message has no
 * none start to begin a requested instance at: 422.
 */
import { call, deployXml, completeUserTask, trailIds, waitAt, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();

const model = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:message id="Msg_Placed" name="order-placed" />
  <bpmn:process id="order-by-message" isExecutable="true">
    <bpmn:startEvent id="Start_Placed"><bpmn:outgoing>f1</bpmn:outgoing>
      <bpmn:messageEventDefinition id="Med_1" messageRef="Msg_Placed" />
    </bpmn:startEvent>
    <bpmn:userTask id="Task_Pack"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start_Placed" targetRef="Task_Pack"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Pack" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

beforeAll(() => deployXml(model));
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

const placed = (correlationKey?: string, variables: Record<string, unknown> = {}) =>
  call('POST', '/messages/publication', {
    name: 'order-placed',
    variables,
    ...(correlationKey ? { correlationKey } : {}),
  });

test('each publication without a key starts an instance at the message start event', async () => {
  const one = await placed(undefined, { item: 'book' });
  const two = await placed(undefined, { item: 'pen' });
  for (const [res, item] of [
    [one, 'book'],
    [two, 'pen'],
  ] as const) {
    expect(res.status).toBe(200);
    expect(res.body.started).toEqual([
      {
        instanceId: expect.any(String),
        definitionKey: 'order-by-message',
        elementId: 'Start_Placed',
      },
    ]);
    const id = res.body.started[0].instanceId;
    replay.add(id, `message-start-${item}`);
    await waitAt(id, 'Task_Pack');
    const instance = await waitFor(id, (i) => i.variables?.item === item);
    expect(trailIds(instance)[0]).toBe('Start_Placed');
    await call('POST', `/instances/${encodeURIComponent(id)}/cancel`);
  }
  expect(one.body.started[0].instanceId).not.toBe(two.body.started[0].instanceId);
});

test('with a correlation key, no second instance starts while the first one runs', async () => {
  // given an instance started by order O-1
  const first = await placed('O-1', { n: 1 });
  const id = first.body.started[0].instanceId;
  replay.add(id, 'message-start-keyed');
  await waitAt(id, 'Task_Pack');
  // when O-1 is published again while it runs, then nothing starts
  const again = await placed('O-1', { n: 2 });
  expect(again.status).toBe(200);
  expect(again.body.started).toEqual([]);
  // and once it completed, the next publication for O-1 starts a new instance
  await completeUserTask(id, 'Task_Pack');
  expect((await waitFor(id)).status).toBe('COMPLETED');
  const third = await placed('O-1', { n: 3 });
  expect(third.body.started).toHaveLength(1);
  const next = third.body.started[0].instanceId;
  const instance = await waitFor(next, (i) => i.variables?.n === 3);
  replay.add(instance.instanceId, 'message-start-keyed-again');
  await call('POST', `/instances/${encodeURIComponent(next)}/cancel`);
});

test('a requested start of a definition without a none start event is a 422', async () => {
  const res = await call('POST', '/definitions/order-by-message/instances', { variables: {} });
  expect(res.status).toBe(422);
  expect(res.body.detail).toContain('Start_Placed (message)');
});
