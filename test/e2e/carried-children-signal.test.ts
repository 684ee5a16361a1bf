/**
 * A call activity's outcome survives a continue-as-new that the child's own `childDone` signal
 * makes due (driver revision 6). The child signals its parent before it completes; when that
 * signal pushes the parent's history over the continue-as-new threshold, the parent used to
 * hand the child over as still running — to a run that never heard from it again, so the call
 * activity waited forever. Now the signal settles the call activity in the run that started
 * the child. The threshold is measured, not guessed: a probe instance on the shared stack gives
 * the parent's history length while it waits for the child, and a stack of the test's own
 * continues as new one event after it (WAYMARK_CONTINUE_AS_NEW_EVENTS).
 */
import { Client, Connection } from '@temporalio/client';
import { call, startInstance, waitAt } from '../support/api';
import { ReplayCheck } from '../support/histories';
import { OwnStack } from './support/own-stack';

const replay = new ReplayCheck();
let stack: OwnStack | undefined;
let connection: Connection;

const NS = `xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn"`;

const child = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}>
  <bpmn:process id="signal-race-child" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Review"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Review"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Review" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

const parent = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}>
  <bpmn:process id="signal-race-parent" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:callActivity id="Call_Review"><bpmn:extensionElements><zeebe:calledElement processId="signal-race-child"/></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:callActivity>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Call_Review"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Call_Review" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: last ${JSON.stringify(v, null, 1)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The history length of the workflow's current run, once it stopped growing. */
async function settledHistoryLength(client: Client, workflowId: string): Promise<number> {
  let last = -1;
  for (;;) {
    const { historyLength } = await client.workflow.getHandle(workflowId).describe();
    if (historyLength === last) return historyLength;
    last = historyLength;
    await new Promise((r) => setTimeout(r, 750));
  }
}

beforeAll(async () => {
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  for (const xml of [child, parent]) {
    const res = await call('POST', '/definitions?deploy=true', xml, {
      'content-type': 'application/xml',
    });
    expect([200, 201]).toContain(res.status);
  }
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  expect(await replay.replayAll()).toEqual([]);
  await connection.close();
}, 120_000);

test('the child signal settles its call activity when it makes continue-as-new due', async () => {
  // given the parent's history length while it waits for its child (a probe on the shared stack)
  const client = new Client({ connection });
  const probe = await startInstance('signal-race-parent', {});
  await waitAt(probe, 'Call_Review');
  const waiting = await settledHistoryLength(client, probe);
  const probeTasks = await until(
    'the probe child task',
    async () => (await call('GET', '/user-tasks')).body.items as any[],
    (items) => items.some((t) => t.elementId === 'Review'),
  );
  const seen = new Set(probeTasks.map((t) => t.flowElementInstanceId));
  expect((await call('POST', `/instances/${encodeURIComponent(probe)}/cancel`)).status).toBe(202);
  // and a stack that continues as new one event later: when the child's signal arrives
  stack = new OwnStack('signal-race', { WAYMARK_CONTINUE_AS_NEW_EVENTS: String(waiting + 1) });
  await stack.start();
  const own = stack;
  for (const xml of [child, parent])
    expect([200, 201]).toContain((await own.call('POST', '/definitions?deploy=true', xml)).status);
  const started = await own.call('POST', '/definitions/signal-race-parent/instances', {});
  expect(started.status).toBe(201);
  const id: string = started.body.instanceId;
  replay.add(id, 'call-activity-signal-continue-as-new');
  const instance = async () => (await own.call('GET', `/instances/${encodeURIComponent(id)}`)).body;
  await until('the call activity', instance, (i) =>
    i.activeElements?.some((a: any) => a.elementId === 'Call_Review'),
  );
  expect(await settledHistoryLength(client, id)).toBe(waiting);
  // when the child's task is completed (the child signals, then completes)
  const tasks = await until(
    'the child task',
    async () => (await own.call('GET', '/user-tasks')).body.items as any[],
    (items) => items.some((t) => t.elementId === 'Review' && !seen.has(t.flowElementInstanceId)),
  );
  // (the user-task list reads visibility, which the shared stack's instances share)
  const task = tasks.find((t) => t.elementId === 'Review' && !seen.has(t.flowElementInstanceId));
  const done = await own.call(
    'POST',
    `/user-tasks/${encodeURIComponent(task.flowElementInstanceId)}/complete`,
    { variables: { verdict: 'ok' } },
  );
  expect(done.status).toBe(200);
  // then the parent completes with the child's variables, whichever run took the outcome
  const closed = await until('completion', instance, (i) => i.status !== 'RUNNING');
  expect(closed.status).toBe('COMPLETED');
  expect(closed.variables.verdict).toBe('ok');
}, 300_000);
