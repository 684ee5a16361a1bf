/**
 * Message throw and end events without a task type publish (issue 15): one instance throws
 * `payment-received` (its `zeebe:input` as the message's variables) and ends with a message end
 * event `receipt-sent`, both with the correlation key its own `orderId` gives; another instance
 * waiting for that order receives both, in order, and completes; the receipt also starts an
 * instance of a definition with a message start event for it.
 */
import { deployXml, startInstance, trailIds, waitAt, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';
import { waitSubscribed } from '../support/mailbox';

const replay = new ReplayCheck();

const messages = `
  <bpmn:message id="Msg_Paid" name="payment-received">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements>
  </bpmn:message>
  <bpmn:message id="Msg_Receipt" name="receipt-sent">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements>
  </bpmn:message>`;
const head = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">${messages}`;

const waiter = `${head}
  <bpmn:process id="shop-waits" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:intermediateCatchEvent id="Catch_Paid"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
      <bpmn:messageEventDefinition id="Med_1" messageRef="Msg_Paid" />
    </bpmn:intermediateCatchEvent>
    <bpmn:receiveTask id="Receive_Receipt" messageRef="Msg_Receipt"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:receiveTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Catch_Paid"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Catch_Paid" targetRef="Receive_Receipt"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Receive_Receipt" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

const thrower = `${head}
  <bpmn:process id="bank-pays" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:intermediateThrowEvent id="Throw_Paid"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
      <bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=total * 2" target="amount" /></zeebe:ioMapping></bpmn:extensionElements>
      <bpmn:messageEventDefinition id="Med_1" messageRef="Msg_Paid" />
    </bpmn:intermediateThrowEvent>
    <bpmn:endEvent id="End_Receipt"><bpmn:incoming>f2</bpmn:incoming>
      <bpmn:extensionElements><zeebe:taskHeaders><zeebe:header key="timeToLive" value="PT1M" /></zeebe:taskHeaders></bpmn:extensionElements>
      <bpmn:messageEventDefinition id="Med_2" messageRef="Msg_Receipt" />
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Throw_Paid"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Throw_Paid" targetRef="End_Receipt"/>
  </bpmn:process>
</bpmn:definitions>`;

const archive = `${head}
  <bpmn:process id="receipt-archive" isExecutable="true">
    <bpmn:startEvent id="Start_Receipt"><bpmn:outgoing>f1</bpmn:outgoing>
      <bpmn:messageEventDefinition id="Med_1" messageRef="Msg_Receipt" />
    </bpmn:startEvent>
    <bpmn:endEvent id="End"><bpmn:incoming>f1</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start_Receipt" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

beforeAll(async () => {
  for (const xml of [waiter, thrower, archive]) await deployXml(xml);
});
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

test('a throw event and a message end event reach the instance waiting for the order', async () => {
  // given a shop instance waiting for the payment of order T-1
  const shop = await startInstance('shop-waits', { variables: { orderId: 'T-1' } });
  replay.add(shop, 'message-throw-waiter');
  await waitAt(shop, 'Catch_Paid');
  await waitSubscribed('payment-received', 'T-1', shop);
  // when the bank's process for T-1 runs
  const bank = await startInstance('bank-pays', { variables: { orderId: 'T-1', total: 21 } });
  replay.add(bank, 'message-throw-thrower');
  const paid = await waitFor(bank);
  expect(paid.status).toBe('COMPLETED');
  expect(trailIds(paid)).toEqual(['Start', 'Throw_Paid', 'End_Receipt']);
  // then the shop got the payment with the thrown inputs, then the buffered receipt
  const done = await waitFor(shop);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables).toMatchObject({ orderId: 'T-1', amount: 42 });
  expect(trailIds(done)).toEqual(['Start', 'Catch_Paid', 'Receive_Receipt', 'End']);
  // and the receipt started the archive at its message start event, keyed by the order
  const archived = await waitFor('receipt-archive:T-1');
  replay.add(archived.instanceId, 'message-throw-start');
  expect(archived.status).toBe('COMPLETED');
  expect(trailIds(archived)).toEqual(['Start_Receipt', 'End']);
});
