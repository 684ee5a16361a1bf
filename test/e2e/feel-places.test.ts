/**
 * FEEL where Camunda 8 allows it, through the real API: a task type and retries given as
 * `=expr` run the activity they evaluate to (here the built-in noop, with 2 attempts, as a
 * regular activity by its `waymark.activityMode` header so the history shows it); a user
 * task's assignee `=boss` is the value of `boss`, and its candidate groups and dates are
 * evaluated too (GET /user-tasks filters on them); a called process id `=expr` names the
 * sibling process; a task type that evaluates to a number is an incident naming the element.
 */
import { Client, Connection } from '@temporalio/client';
import { call, completeUserTask, trailIds, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

/** The scheduled activities of a workflow: type, attempts, input. */
async function scheduledActivities(workflowId: string) {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  try {
    const client = new Client({ connection });
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? [])
      .map((e) => e.activityTaskScheduledEventAttributes)
      .filter((a) => a !== null && a !== undefined)
      .filter((a) => !a.activityType?.name?.startsWith('waymark.'))
      .map((a) => ({
        type: a.activityType?.name,
        maximumAttempts: a.retryPolicy?.maximumAttempts,
        input: JSON.parse(Buffer.from(a.input?.payloads?.[0]?.data ?? []).toString('utf8')),
      }));
  } finally {
    await connection.close();
  }
}

const start = {
  taskKind: 'noop',
  attempts: 2,
  boss: 'ada',
  groups: ['finance', 'audit'],
  due: '2030-01-31T17:00:00Z',
  childSuffix: 'child',
};

test('task type, retries, assignment and called element evaluate over the variables', async () => {
  // given the model and its child process, deployed from one file
  const id = await replay.runFixture('feel-places', start);
  // when the instance reaches the user task
  await waitFor(id, (i) => i.userTasks?.length === 1);

  // then the FEEL task type ran the built-in noop activity with the evaluated attempts
  const [activity] = await scheduledActivities(id);
  expect(activity).toMatchObject({ type: 'noop', maximumAttempts: 2 });
  expect(activity.input).toMatchObject({
    taskType: 'noop',
    headers: { note: 'for ada', 'waymark.activityMode': 'remote' },
  });

  // and the user task is assigned to the value of boss, with groups and dates evaluated
  const mine = await call('GET', '/user-tasks?assignee=ada');
  const task = mine.body.items.find((t: any) => t.instanceId === id);
  expect(task).toMatchObject({
    elementId: 'User_Approve',
    assignee: 'ada',
    candidateGroups: 'finance,audit',
    dueDate: '2030-01-31T17:00:00.000Z',
    followUpDate: '2030-01-30T09:00:00.000Z',
  });
  const audit = await call('GET', '/user-tasks?candidateGroup=audit');
  expect(audit.body.items.map((t: any) => t.instanceId)).toContain(id);
  const literal = await call('GET', `/user-tasks?assignee=${encodeURIComponent('=boss')}`);
  expect(literal.body.items.map((t: any) => t.instanceId)).not.toContain(id);

  // when it is completed, the FEEL called element runs the sibling process
  await completeUserTask(id, 'User_Approve', { approved: true });
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Task_Typed',
    'User_Approve',
    'Call_Dynamic',
    'EndEvent_1',
  ]);
  expect(done.variables).toEqual({ ...start, approved: true, childSaw: 'ada' });
});

test('a FEEL task type that gives a number is an incident naming the element', async () => {
  // given a task whose type "=kind" evaluates to 42
  const id = await replay.runFixture('feel-task-type-bad', { kind: 42 });
  // then the token parks in an expression incident at Task_Bad, and no activity runs
  const parked = await waitFor(id, (i) => i.incidents?.length === 1);
  expect(parked.status).toBe('RUNNING');
  expect(parked.incidents[0]).toMatchObject({ elementId: 'Task_Bad', kind: 'expression' });
  expect(parked.incidents[0].message).toBe(
    `element 'Task_Bad': task type expression "kind" evaluated to 42, not a non-empty string`,
  );
  expect(trailIds(parked)).toEqual(['StartEvent_1']);
  expect(await scheduledActivities(id)).toEqual([]);
  expect((await call('POST', `/instances/${encodeURIComponent(id)}/cancel`)).status).toBeLessThan(
    300,
  );
});
