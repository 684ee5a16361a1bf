/**
 * `PATCH /instances/{id}/variables` end to end (issue 18): an operator's change to a waiting
 * instance decides the gateway after its user task and is in the result; a changed variable
 * fires the conditional boundary watching it; bad bodies and reserved names are 400 naming the
 * field, an unknown instance 404, a closed instance or a state machine 409, variables that would
 * grow the instance past the payload budget 413 with the size and the limit; the workflow's own
 * validator refuses bad input sent past the API.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { updateVariablesUpdate } from '../../workflows/messages';
import {
  call,
  completeUserTask,
  deployFixture,
  deployXml,
  startInstance,
  trailIds,
  waitAt,
  waitFor,
} from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

const patch = (id: string, body: unknown) =>
  call('PATCH', `/instances/${encodeURIComponent(id)}/variables`, body, {
    'content-type': 'application/json',
  });

/** Waits at a user task; a conditional boundary on `priority > 5` escalates. */
const conditionalModel = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="variables-conditional" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Task_Wait"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End_Done"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:boundaryEvent id="Boundary_Escalate" attachedToRef="Task_Wait"><bpmn:outgoing>f3</bpmn:outgoing>
      <bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">=priority &gt; 5</bpmn:condition></bpmn:conditionalEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:endEvent id="End_Escalated"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_Wait"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Wait" targetRef="End_Done"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Boundary_Escalate" targetRef="End_Escalated"/>
  </bpmn:process>
</bpmn:definitions>`;

beforeAll(async () => {
  await deployFixture('variables-edit');
  await deployXml(conditionalModel, 'variables-conditional');
}, 60_000);

/** A started variables-edit instance waiting at its user task. */
async function waiting(variables: Record<string, unknown> = { route: 'slow' }): Promise<string> {
  const id = await startInstance('variables-edit', { variables });
  replay.add(id, 'variables-edit');
  await waitAt(id, 'Task_Review');
  return id;
}

test('a change while the user task waits decides the gateway and is in the result', async () => {
  // Given an instance waiting at its review task, headed for the slow path
  const id = await waiting({ route: 'slow', amount: 10 });

  // When an operator sets route = "fast" and adds a note
  const res = await patch(id, { variables: { route: 'fast', note: { by: 'ops' } } });

  // Then the answer is the root variables after the merge
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    instanceId: id,
    variables: { route: 'fast', amount: 10, note: { by: 'ops' } },
  });
  const seen = await waitFor(id, (i) => i.variables?.route === 'fast');
  expect(seen.status).toBe('RUNNING');

  // And completing the task takes the fast path with the changed variables in the result
  await completeUserTask(id, 'Task_Review');
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Task_Review', 'Gateway_Route', 'End_Fast']);
  expect(done.variables).toEqual({ route: 'fast', amount: 10, note: { by: 'ops' } });
}, 90_000);

test('a changed variable fires the conditional boundary that watches it', async () => {
  const id = await startInstance('variables-conditional', { variables: { priority: 1 } });
  replay.add(id, 'variables-conditional');
  await waitAt(id, 'Task_Wait');

  const res = await patch(id, { variables: { priority: 9 } });

  expect(res.status).toBe(200);
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual(['Start', 'Boundary_Escalate', 'End_Escalated']);
}, 90_000);

test('400: bad bodies and reserved names, each naming the field', async () => {
  const id = await waiting();
  const cases: Array<[unknown, string, RegExp]> = [
    [{}, 'body.variables', /./],
    [{ variables: [] }, 'body.variables', /./],
    [{ variables: 'x' }, 'body.variables', /./],
    [{ variables: {} }, 'body.variables', /at least one variable/],
    [{ variables: { a: 1 }, extra: true }, 'body.extra', /unknown field/],
  ];
  for (const [body, field, message] of cases) {
    const res = await patch(id, body);
    expect(res.status).toBe(400);
    expect(res.contentType).toMatch(/application\/problem\+json/);
    expect(res.body.type).toBe('urn:waymark:problem:invalid-body');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: field, message: expect.stringMatching(message) }),
      ]),
    );
  }
  for (const name of ['__proto__', 'constructor', 'prototype']) {
    const raw = `{"variables":{"ok":1,"${name}":{"polluted":true}}}`;
    const res = await patch(id, raw);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe(`body.variables.${name}`);
    expect(res.body.errors[0].message).toMatch(/reserved name/);
  }
  // Nothing of the refused requests reached the instance
  const after = await waitFor(id, () => true);
  expect(after.variables).toEqual({ route: 'slow' });
}, 90_000);

test('404 for an unknown instance, 409 for a closed instance and for a state machine', async () => {
  const unknown = await patch('no-such-instance', { variables: { a: 1 } });
  expect(unknown.status).toBe(404);
  expect(unknown.body.type).toBe('urn:waymark:problem:instance-not-found');
  expect(unknown.body.detail).toMatch(/no-such-instance/);

  const id = await waiting();
  await completeUserTask(id, 'Task_Review');
  await waitFor(id);
  const closed = await patch(id, { variables: { route: 'fast' } });
  expect(closed.status).toBe(409);
  expect(closed.body.type).toBe('urn:waymark:problem:instance-not-running');
  expect(closed.body.detail).toMatch(/COMPLETED/);

  const machine = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'order-sync.json'), 'utf8'),
  );
  machine.code = 'VARS_SM';
  expect((await call('POST', '/definitions?deploy=true', machine)).status).toBeLessThan(300);
  const created = await call('POST', '/state-machines/VARS_SM/events', {
    trigger: 'ON_IMPORT',
    recordId: 'v1',
    data: { orderId: 'o-1', amount: 0 },
  });
  expect(created.status).toBe(202);
  const smId: string = created.body.instanceId;
  replay.add(smId);
  await waitFor(smId, (i) => i.state !== undefined);
  const sm = await patch(smId, { variables: { amount: 5 } });
  expect(sm.status).toBe(409);
  expect(sm.body.type).toBe('urn:waymark:problem:not-a-bpmn-process');
  expect(sm.body.detail).toMatch(/state-machine/);
  await call('POST', `/instances/${encodeURIComponent(smId)}/cancel`);
}, 120_000);

test('413 when the variables would grow the instance past the payload budget', async () => {
  // Given an instance that already holds 1 MB of variables (the body limit is 1.5 MiB)
  const id = await waiting();
  const mb = 'x'.repeat(1024 * 1024);
  expect((await patch(id, { variables: { first: mb } })).status).toBe(200);

  // When another megabyte is sent
  const res = await patch(id, { variables: { second: mb } });

  // Then 413 names the size after the change and the budget (1.75 MiB by default)
  expect(res.status).toBe(413);
  expect(res.body.type).toBe('urn:waymark:problem:payload-too-large');
  expect(res.body.limit).toBe(1.75 * 1024 * 1024);
  expect(res.body.size).toBeGreaterThan(2 * 1024 * 1024);
  expect(res.body.detail).toMatch(/the instance variables after the change is \d+ bytes/);
  const view = await waitFor(id, () => true);
  expect(Object.keys(view.variables).sort()).toEqual(['first', 'route']);
  await call('POST', `/instances/${encodeURIComponent(id)}/cancel`);
}, 90_000);

test('the workflow validator refuses what the API would refuse, before anything is written', async () => {
  // Given a waiting instance, spoken to through Temporal directly (past the API's checks)
  const id = await waiting();
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  try {
    const handle = new Client({ connection }).workflow.getHandle(id);
    const bad: unknown[] = [
      {},
      { variables: [] },
      { variables: null },
      { variables: {} },
      { variables: JSON.parse('{"ok":1,"nested":{"__proto__":{"x":1}}}') },
    ];
    for (const input of bad) {
      // When the update carries it
      const err = await handle
        .executeUpdate(updateVariablesUpdate, { args: [input as never] })
        .then(
          () => undefined,
          (e: unknown) => e,
        );

      // Then it is rejected with VariablesRejected
      expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
      const cause = (err as WorkflowUpdateFailedError).cause;
      expect(cause).toBeInstanceOf(ApplicationFailure);
      expect((cause as ApplicationFailure).type).toBe('VariablesRejected');
    }
    const last = await handle
      .executeUpdate(updateVariablesUpdate, { args: [bad[4] as never] })
      .catch((e: WorkflowUpdateFailedError) => e.cause?.message);
    expect(last).toMatch(/variables\.nested\.__proto__/);

    // And a good one answers the root variables
    const ok = await handle.executeUpdate(updateVariablesUpdate, {
      args: [{ variables: { route: 'fast' } }],
    });
    expect(ok).toEqual({ variables: { route: 'fast' } });
  } finally {
    await connection.close();
  }
  const view = await waitFor(id, () => true);
  expect(view.variables).toEqual({ route: 'fast' });
  await call('POST', `/instances/${encodeURIComponent(id)}/cancel`);
}, 90_000);
