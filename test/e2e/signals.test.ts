/**
 * Signals across instances end to end (issue 15): `POST /signals/broadcast` reaches an
 * instance at a signal catch, one with a signal boundary on a user task and one with a signal
 * event subprocess, and starts one instance through a signal start event; a second broadcast
 * reaches none of the finished ones; a signal end event in one process reaches an instance of
 * another and starts a third; a broadcast wins an event-based gateway race; bad input is a 400.
 *
 * Visibility is eventually consistent: a broadcast finds the instances whose
 * `WaymarkSignals` subscription is indexed when it queries, so each test waits until the
 * waiting instances show in visibility before it broadcasts.
 */
import { call, startInstance, trailIds, waitAt, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';
import { visibleCount } from '../support/visibility';

const replay = new ReplayCheck();

const defs = (body: string, signal: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:signal id="Sig" name="${signal}"/>
  ${body}
</bpmn:definitions>`;

const catcher = (id: string, signal: string) =>
  defs(
    `<bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:intermediateCatchEvent id="Catch_Signal"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
      <bpmn:signalEventDefinition signalRef="Sig"/></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Catch_Signal"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Catch_Signal" targetRef="End"/>
  </bpmn:process>`,
    signal,
  );

const boundary = defs(
  `<bpmn:process id="signal-boundary-e2e" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Task_Work"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:boundaryEvent id="Boundary_Recall" attachedToRef="Task_Work"><bpmn:outgoing>f3</bpmn:outgoing>
      <bpmn:signalEventDefinition signalRef="Sig"/></bpmn:boundaryEvent>
    <bpmn:endEvent id="End_Recalled"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_Work"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Work" targetRef="End"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Boundary_Recall" targetRef="End_Recalled"/>
  </bpmn:process>`,
  'recall-e2e',
);

const subprocess = defs(
  `<bpmn:process id="signal-esp-e2e" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Task_Hold"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:subProcess id="Esp_Recall" triggeredByEvent="true">
      <bpmn:startEvent id="Esp_Start"><bpmn:outgoing>e1</bpmn:outgoing><bpmn:signalEventDefinition signalRef="Sig"/></bpmn:startEvent>
      <bpmn:endEvent id="Esp_End"><bpmn:incoming>e1</bpmn:incoming></bpmn:endEvent>
      <bpmn:sequenceFlow id="e1" sourceRef="Esp_Start" targetRef="Esp_End"/>
    </bpmn:subProcess>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_Hold"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Hold" targetRef="End"/>
  </bpmn:process>`,
  'recall-e2e',
);

const signalStarted = (id: string, signal: string) =>
  defs(
    `<bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="Start_Signal"><bpmn:outgoing>f1</bpmn:outgoing><bpmn:signalEventDefinition signalRef="Sig"/></bpmn:startEvent>
    <bpmn:endEvent id="End"><bpmn:incoming>f1</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start_Signal" targetRef="End"/>
  </bpmn:process>`,
    signal,
  );

const thrower = defs(
  `<bpmn:process id="signal-thrower-e2e" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:endEvent id="End_Handoff"><bpmn:incoming>f1</bpmn:incoming>
      <bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=order" target="order"/></zeebe:ioMapping></bpmn:extensionElements>
      <bpmn:signalEventDefinition signalRef="Sig"/></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="End_Handoff"/>
  </bpmn:process>`,
  'handoff-e2e',
);

const race = defs(
  `<bpmn:process id="signal-race-e2e" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:eventBasedGateway id="Gateway_Race"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing><bpmn:outgoing>f3</bpmn:outgoing></bpmn:eventBasedGateway>
    <bpmn:intermediateCatchEvent id="Catch_Go"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f4</bpmn:outgoing>
      <bpmn:signalEventDefinition signalRef="Sig"/></bpmn:intermediateCatchEvent>
    <bpmn:intermediateCatchEvent id="Catch_Late"><bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f5</bpmn:outgoing>
      <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="End_Go"><bpmn:incoming>f4</bpmn:incoming></bpmn:endEvent>
    <bpmn:endEvent id="End_Late"><bpmn:incoming>f5</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Gateway_Race"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Gateway_Race" targetRef="Catch_Go"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Gateway_Race" targetRef="Catch_Late"/>
    <bpmn:sequenceFlow id="f4" sourceRef="Catch_Go" targetRef="End_Go"/>
    <bpmn:sequenceFlow id="f5" sourceRef="Catch_Late" targetRef="End_Late"/>
  </bpmn:process>`,
  'race-go-e2e',
);

async function deploy(xml: string): Promise<void> {
  const res = await call('POST', '/definitions?deploy=true', xml, {
    'content-type': 'application/xml',
  });
  expect([200, 201]).toContain(res.status);
}

/** Starts an instance and waits until visibility shows it subscribed to `signal`. */
async function waiting(key: string, signal: string, at: string): Promise<string> {
  const id = await startInstance(key, { variables: { mine: key } });
  replay.add(id, key);
  await waitAt(id, at);
  const query = `WorkflowId = "${id}" AND WaymarkSignals = "${signal}"`;
  expect(await visibleCount(query)).toBe(1);
  return id;
}

/** The instances of a definition, once visibility shows at least `count` of them. */
async function instancesOf(key: string, count: number): Promise<any[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await call('GET', `/instances?definition=${key}`);
    expect(res.status).toBe(200);
    if (res.body.items.length >= count || Date.now() > deadline) return res.body.items;
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  await deploy(catcher('signal-catch-e2e', 'recall-e2e'));
  await deploy(boundary);
  await deploy(subprocess);
  await deploy(signalStarted('signal-start-e2e', 'recall-e2e'));
  await deploy(thrower);
  await deploy(catcher('signal-handoff-catch-e2e', 'handoff-e2e'));
  await deploy(signalStarted('signal-handoff-start-e2e', 'handoff-e2e'));
  await deploy(race);
}, 60_000);
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

test('a broadcast reaches a signal catch, a signal boundary and a signal event subprocess, and starts a signal start', async () => {
  // given three instances waiting for the signal, visible in visibility
  const atCatch = await waiting('signal-catch-e2e', 'recall-e2e', 'Catch_Signal');
  const atBoundary = await waiting('signal-boundary-e2e', 'recall-e2e', 'Task_Work');
  const atEsp = await waiting('signal-esp-e2e', 'recall-e2e', 'Task_Hold');

  // when the signal is broadcast with variables
  const res = await call('POST', '/signals/broadcast', {
    signalName: 'recall-e2e',
    variables: { reason: 'product recall' },
  });

  // then all three were signalled and one instance started by the signal start event
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ signalKey: expect.any(String), reached: 3, started: 1 });
  const caught = await waitFor(atCatch);
  expect(caught.status).toBe('COMPLETED');
  expect(trailIds(caught)).toEqual(['Start', 'Catch_Signal', 'End']);
  expect(caught.variables).toEqual({ mine: 'signal-catch-e2e', reason: 'product recall' });
  const recalled = await waitFor(atBoundary);
  expect(recalled.status).toBe('COMPLETED');
  expect(trailIds(recalled)).toEqual(['Start', 'Boundary_Recall', 'End_Recalled']);
  const esp = await waitFor(atEsp);
  expect(esp.status).toBe('COMPLETED');
  expect(trailIds(esp)).toEqual(['Start', 'Esp_Start', 'Esp_End', 'Esp_Recall']);
  const [started] = await instancesOf('signal-start-e2e', 1);
  replay.add(started.instanceId ?? started.workflowId, 'signal-start-e2e');
  const startedInstance = await waitFor(started.instanceId ?? started.workflowId);
  expect(startedInstance.status).toBe('COMPLETED');
  expect(trailIds(startedInstance)).toEqual(['Start_Signal', 'End']);
  expect(startedInstance.variables).toEqual({ reason: 'product recall' });

  // when it is broadcast again: the finished instances are not reached and stay completed
  const again = await call('POST', '/signals/broadcast', { signalName: 'recall-e2e' });
  expect(again.status).toBe(200);
  expect(again.body).toEqual({ signalKey: expect.any(String), reached: 0, started: 1 });
  expect(again.body.signalKey).not.toBe(res.body.signalKey);
  for (const id of [atCatch, atBoundary, atEsp]) {
    const after = await waitFor(id);
    expect(after.status).toBe('COMPLETED');
  }
  expect((await waitFor(atCatch)).variables).toEqual({
    mine: 'signal-catch-e2e',
    reason: 'product recall',
  });
  expect(await instancesOf('signal-start-e2e', 2)).toHaveLength(2);
});

test('a signal end event in one process reaches an instance of another and starts a third', async () => {
  // given an instance of another definition waiting for the signal
  const atCatch = await waiting('signal-handoff-catch-e2e', 'handoff-e2e', 'Catch_Signal');

  // when a process ends with a signal end event carrying its order
  const thrown = await startInstance('signal-thrower-e2e', { variables: { order: 'A-7' } });
  replay.add(thrown, 'signal-thrower-e2e');
  const done = await waitFor(thrown);
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual(['Start', 'End_Handoff']);

  // then the waiting instance got the signal with the thrower's variables
  const caught = await waitFor(atCatch);
  expect(caught.status).toBe('COMPLETED');
  expect(caught.variables).toEqual({ mine: 'signal-handoff-catch-e2e', order: 'A-7' });
  // and the definition with the signal start event started once
  const started = await instancesOf('signal-handoff-start-e2e', 1);
  expect(started).toHaveLength(1);
  const id = started[0].instanceId ?? started[0].workflowId;
  replay.add(id, 'signal-handoff-start-e2e');
  expect((await waitFor(id)).variables).toEqual({ order: 'A-7' });
});

test('a broadcast wins an event-based gateway race against a timer', async () => {
  // given an instance racing the signal against a one-hour timer
  const id = await waiting('signal-race-e2e', 'race-go-e2e', 'Gateway_Race');
  // when the signal is broadcast
  const res = await call('POST', '/signals/broadcast', { signalName: 'race-go-e2e' });
  expect(res.body).toMatchObject({ reached: 1, started: 0 });
  // then the signal's branch is taken and the timer's is not
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual(['Start', 'Gateway_Race', 'Catch_Go', 'End_Go']);
});

test('a broadcast nobody waits for answers 0 and 0', async () => {
  const res = await call('POST', '/signals/broadcast', { signalName: 'nobody-listens-e2e' });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ signalKey: expect.any(String), reached: 0, started: 0 });
});

test.each([
  [{}, 'body.signalName'],
  [{ signalName: '' }, 'body.signalName'],
  [{ signalName: 'x', extra: 1 }, 'extra'],
  [{ signalName: 'x', variables: [1] }, 'body.variables'],
])('bad input %j is a 400 naming %s', async (body, path) => {
  const res = await call('POST', '/signals/broadcast', body);
  expect(res.status).toBe(400);
  expect(res.contentType).toContain('application/problem+json');
  expect(JSON.stringify(res.body)).toContain(path);
});
