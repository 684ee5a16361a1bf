/**
 * BPMN fixtures end to end, escalation (BPMN 2.0 §10.5.4): boundaries on a subprocess
 * (non-interrupting with the exact code, interrupting catch-all), an uncaught escalation that
 * fails nothing, and an escalation thrown in a called child process caught by a boundary on
 * the call activity in the parent — non-interrupting (the child carries on) and interrupting
 * (the child workflow is cancelled).
 */
import { Client, Connection } from '@temporalio/client';
import { deployFixture, trailIds, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

const run = (fixture: string, variables: Record<string, unknown> = {}, name = fixture) =>
  replay.runFixture(fixture, variables, name);

test('escalation-subprocess: non-interrupting exact-code boundary, then the interrupting catch-all', async () => {
  const done = await waitFor(await run('escalation-subprocess'));
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'StartEvent_Sub',
    'Event_Late',
    'Escalation_Late',
    'Event_Uncaught',
    'Script_Notify',
    'Escalation_Any',
    'EndEvent_Notified',
    'EndEvent_Escalated',
  ]);
  expect(done.variables).toEqual({ notified: true });
});

test('escalation-uncaught: an escalation nothing catches does not fail the instance', async () => {
  const done = await waitFor(await run('escalation-uncaught'));
  expect(done.status).toBe('COMPLETED');
  expect(done.incidents).toEqual([]);
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Event_Escalate',
    'Script_After',
    'EndEvent_Escalation',
  ]);
  expect(done.variables).toEqual({ after: true });
});

test('escalation-call-activity: the child escalates, the boundary on the call activity catches it', async () => {
  await deployFixture('escalation-child');
  const done = await waitFor(await run('escalation-call-activity', { order: 7 }));
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Escalation_Help',
    'Script_Help',
    'EndEvent_Helped',
    'CallActivity_Child',
    'EndEvent_1',
  ]);
  expect(done.variables).toEqual({ order: 7, helped: true, childDone: true });
});

// The child escalates at once, so its escalation arrives with its start; from driver revision 4
// the parent knows the child's id before then and waits for its cancel request to be delivered
// before it ends (Temporal drops a closed workflow's pending requests).
test('escalation-call-activity-interrupting: the boundary interrupts the call activity and cancels the child', async () => {
  await deployFixture('escalation-child-waits');
  const id = await run('escalation-call-activity-interrupting', { order: 8 });
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Escalation_Any',
    'Script_Rescue',
    'EndEvent_Rescued',
  ]);
  expect(done.variables).toEqual({ order: 8, rescued: true });

  // The child is a real child workflow, cancelled by the interruption.
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  try {
    const client = new Client({ connection });
    const children: string[] = [];
    for await (const wf of client.workflow.list({
      query: `WorkflowType = 'escalation-child-waits' AND ParentWorkflowId = '${id}'`,
    }))
      children.push(wf.workflowId);
    expect(children).toHaveLength(1);
    const deadline = Date.now() + 15_000;
    let status = '';
    while (Date.now() < deadline) {
      status = (await client.workflow.getHandle(children[0]).describe()).status.name;
      if (status !== 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    // Cancelled, or terminated by the parent-close policy when the parent ended first.
    expect(['CANCELLED', 'TERMINATED']).toContain(status);
  } finally {
    await connection.close();
  }
});

test('escalation-event-subprocess: a non-interrupting escalation event subprocess catches; both go on', async () => {
  const done = await waitFor(await run('escalation-event-subprocess'));
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'StartEvent_Sub',
    'Event_Slow',
    'Script_Finish',
    'StartEvent_OnSlow',
    'EndEvent_Sub',
    'Script_Report',
    'EndEvent_Reported',
    'SubProcess_Work',
    'SubProcess_OnSlow',
    'EndEvent_1',
  ]);
  expect(done.variables).toEqual({ reported: true, finished: true });
});
