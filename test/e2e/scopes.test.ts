/**
 * BPMN fixtures end to end, scopes: embedded subprocess variables, parallel branches inside a
 * subprocess, call activities one and two levels deep (child workflows) with variable
 * propagation.
 */
import { Client, Connection } from '@temporalio/client';
import { deployFixture, trailIds, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

const run = (fixture: string, variables: Record<string, unknown> = {}, name = fixture) =>
  replay.runFixture(fixture, variables, name);

test('embedded-subprocess-scope: input locals vanish, outputs export', async () => {
  const done = await waitFor(await run('embedded-subprocess-scope', { base: 5 }));
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'StartEvent_Sub',
    'Task_Inside',
    'EndEvent_Sub',
    'SubProcess_Scoped',
    'Script_Check',
    'EndEvent_1',
  ]);
  expect(done.variables).toEqual({ base: 5, exported: 11, localVisible: false });
});

test('parallel-in-subprocess: fork and join inside a subprocess', async () => {
  const done = await waitFor(await run('parallel-in-subprocess'));
  const trail = trailIds(done);
  expect(trail.slice(0, 3)).toEqual(['StartEvent_1', 'StartEvent_Sub', 'Gateway_Fork']);
  expect(trail.slice(3, 5).sort()).toEqual(['Script_X', 'Script_Y']);
  expect(trail.slice(5)).toEqual([
    'Gateway_Join',
    'EndEvent_Sub',
    'SubProcess_Parallel',
    'Script_Total',
    'EndEvent_1',
  ]);
  expect(done.variables).toEqual({ x: 1, y: 2, total: 3 });
});

test('call-activity: a child workflow, only the output mapping comes back', async () => {
  await deployFixture('call-activity-child');
  const id = await run('call-activity', { amount: 21 });
  const done = await waitFor(id);
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Call_Child', 'EndEvent_1']);
  expect(done.variables).toEqual({ amount: 21, result: 42 });

  // The child is a real child workflow: visible in Temporal with its parent link.
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  try {
    const client = new Client({ connection });
    const children: string[] = [];
    for await (const wf of client.workflow.list({
      query: `WorkflowType = 'call-activity-child' AND ParentWorkflowId = '${id}'`,
    }))
      children.push(wf.workflowId);
    expect(children).toHaveLength(1);
    const child = await client.workflow.getHandle(children[0]).describe();
    expect(child.parentExecution?.workflowId).toBe(id);
    // The child saw the parent's variables (propagateAllParentVariables) plus its input mapping.
    expect(await client.workflow.getHandle(children[0]).result()).toEqual({
      amount: 21,
      childInput: 21,
      childResult: 42,
    });
  } finally {
    await connection.close();
  }
});

test('call-activity-two-levels: parent → middle → child', async () => {
  await deployFixture('call-activity-child');
  await deployFixture('call-activity-middle');
  const done = await waitFor(await run('call-activity-two-levels', { amount: 10 }));
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Call_Middle', 'EndEvent_1']);
  expect(done.variables).toEqual({ amount: 10, result: 22 });
});
