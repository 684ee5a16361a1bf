/**
 * State machines and continue-as-new (issue 16, defect 9), on a stack of the test's own that
 * continues as new at 40 history events and guards at 60 (WAYMARK_CONTINUE_AS_NEW_EVENTS,
 * WAYMARK_HISTORY_GUARD_EVENTS):
 * - a transition's BPMN action waiting on a person is carried across continue-as-new: the
 *   machine continues as new while the action runs, and the new run takes its outcome;
 * - an action that cannot be carried (a state machine as the action) holds continue-as-new
 *   back; near the history limit the run parks an incident instead of being terminated by
 *   Temporal, and continues as new without it once the action ends.
 */
import { ReplayCheck } from '../support/histories';
import { OwnStack } from './support/own-stack';

const replay = new ReplayCheck();
const stack = new OwnStack('sm-carry', {
  WAYMARK_CONTINUE_AS_NEW_EVENTS: '40',
  WAYMARK_HISTORY_GUARD_EVENTS: '60',
});

const approval = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="sm-approval" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Approve"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Approve"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Approve" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

/** NEW --ON_IMPORT (action)--> PENDING --ON_EVENT finish--> DONE. */
function machine(code: string, action: string) {
  return {
    kind: 'state-machine',
    code,
    initialState: 'NEW',
    enabled: true,
    instanceMode: 'PER_RECORD',
    states: [
      { code: 'NEW', isInitial: true },
      { code: 'PENDING' },
      { code: 'DONE', isFinal: true },
    ],
    transitions: [
      {
        code: 'IMPORT',
        fromState: 'NEW',
        toState: 'PENDING',
        triggerType: 'ON_IMPORT',
        action: { workflow: action },
      },
      {
        code: 'FINISH',
        fromState: 'PENDING',
        toState: 'DONE',
        triggerType: 'ON_EVENT',
        eventName: 'finish',
      },
    ],
  };
}

/** A state machine as an action: it waits in WAIT until its MANUAL transition DONE fires. */
const childMachine = {
  kind: 'state-machine',
  code: 'GUARD_CHILD',
  initialState: 'WAIT',
  enabled: true,
  instanceMode: 'PER_RECORD',
  states: [
    { code: 'WAIT', isInitial: true },
    { code: 'END', isFinal: true },
  ],
  transitions: [{ code: 'DONE', fromState: 'WAIT', toState: 'END', triggerType: 'MANUAL' }],
};

const api = (method: string, path: string, body?: unknown) => stack.call(method, path, body);

async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: last ${JSON.stringify(v, null, 1)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const instance = async (id: string): Promise<any> =>
  (await api('GET', `/instances/${encodeURIComponent(id)}`)).body;

async function event(code: string, body: Record<string, unknown>): Promise<string> {
  const res = await api('POST', `/state-machines/${code}/events`, body);
  if (res.status !== 202) throw new Error(`event: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.instanceId;
}

/** Sends ON_EVENT `noise` (no transition takes it) until `ok` holds for the instance. */
async function noiseUntil(code: string, recordId: string, id: string, ok: (i: any) => boolean) {
  for (let n = 0; n < 60; n++) {
    const i = await instance(id);
    if (ok(i)) return i;
    await event(code, { trigger: 'ON_EVENT', event: 'noise', recordId, data: { n } });
  }
  throw new Error(`after 60 events: ${JSON.stringify(await instance(id), null, 1)}`);
}

beforeAll(async () => {
  await stack.start();
  for (const def of [
    approval,
    childMachine,
    machine('CARRY_SM', 'sm-approval'),
    machine('GUARD_SM', 'GUARD_CHILD'),
  ]) {
    const res = await api('POST', '/definitions?deploy=true', def);
    expect([200, 201]).toContain(res.status);
  }
}, 300_000);

afterAll(async () => {
  await stack.stop();
  expect(await replay.replayAll()).toEqual([]);
}, 120_000);

test('a BPMN action waiting on a person is carried across continue-as-new', async () => {
  // given a machine whose IMPORT action waits at a user task
  const id = await event('CARRY_SM', { trigger: 'ON_IMPORT', recordId: 'c1', data: { amount: 5 } });
  replay.add(id, 'sm-carried-action');
  const task = await until(
    'the action’s user task',
    async () => (await api('GET', '/user-tasks')).body.items as any[],
    (items) => items.some((t) => t.elementId === 'Approve'),
  );
  // when triggers grow the history past the continue-as-new threshold
  const continued = await noiseUntil('CARRY_SM', 'c1', id, (i) => i.generation >= 1);
  // then the machine continued as new while the action runs: still NEW, no incident
  expect(continued.state).toBe('NEW');
  expect(continued.incidents).toEqual([]);
  // when the person completes the task, the new run takes the action's outcome
  const approve = task.find((t) => t.elementId === 'Approve');
  const done = await api(
    'POST',
    `/user-tasks/${encodeURIComponent(approve.flowElementInstanceId)}/complete`,
    { variables: { approvedBy: 'ann' } },
  );
  expect(done.status).toBe(200);
  const pending = await until(
    'PENDING',
    () => instance(id),
    (i) => i.state === 'PENDING',
  );
  expect(pending.variables).toMatchObject({ amount: 5, approvedBy: 'ann' });
  expect(pending.trail.map((t: any) => t.transition)).toContain('IMPORT');
  await event('CARRY_SM', { trigger: 'ON_EVENT', event: 'finish', recordId: 'c1' });
  const closed = await until(
    'DONE',
    () => instance(id),
    (i) => i.status === 'COMPLETED',
  );
  expect(closed.state).toBe('DONE');
}, 180_000);

test('an action that holds continue-as-new back parks a history-guard incident, then hands over', async () => {
  // given a machine whose IMPORT action is a state machine waiting for a person
  const id = await event('GUARD_SM', { trigger: 'ON_IMPORT', recordId: 'g1' });
  replay.add(id, 'sm-history-guard');
  const child = await until(
    'the child machine',
    async () => (await api('GET', '/instances?definition=GUARD_CHILD')).body.items as any[],
    (items) => items.length === 1,
  );
  // when triggers grow the history past the guard while the action runs
  const parked = await noiseUntil('GUARD_SM', 'g1', id, (i) => i.incidents.length > 0);
  // then the run parks an incident naming the guard, instead of continuing as new
  expect(parked.generation ?? 0).toBe(0);
  expect(parked.state).toBe('NEW');
  expect(parked.incidents).toEqual([
    expect.objectContaining({
      elementId: 'NEW',
      message: expect.stringMatching(/^history guard: /),
    }),
  ]);
  // when the action ends, the machine changes state and continues as new without the incident
  const fired = await api(
    'POST',
    `/instances/${encodeURIComponent(child[0].instanceId)}/transitions/DONE`,
    {},
  );
  expect(fired.status).toBe(200);
  const handedOver = await until(
    'the next run',
    () => instance(id),
    (i) => i.generation >= 1 && i.state === 'PENDING',
  );
  expect(handedOver.incidents).toEqual([]);
}, 180_000);
