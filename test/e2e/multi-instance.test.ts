/**
 * Multi-instance activities end to end (BPMN 2.0 §13.2.3, Camunda 8 zeebe:loopCharacteristics):
 * parallel and sequential over a collection, loopCardinality, the output collection and its
 * order, loopCounter, a completion condition ending the body early, a timer boundary on the
 * body, an error in one parallel instance caught on the body cancelling its siblings, every
 * activity kind, and a collection larger than the window of instances in flight (the instance
 * continues as new while it runs), and a non-interrupting event subprocess firing twice while
 * a parallel body runs.
 */
import {
  call,
  completeUserTask,
  deployFixture,
  sendMessage,
  startInstance,
  trailIds,
  waitFor,
} from '../support/api';
import { deployRemote } from '../support/activity-mode';
import { historyChain, ReplayCheck } from '../support/histories';
import { PARALLEL_WINDOW } from '../../src/engine/loop-body';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 300_000);

const run = (fixture: string, variables: Record<string, unknown> = {}, name = fixture) =>
  replay.runFixture(fixture, variables, name);

type Entry = { elementId: string; flowElementInstanceId: string; type: string };
const entriesOf = (done: { trail: Entry[] }, elementId: string) =>
  done.trail.filter((e) => e.elementId === elementId);

test('multi-instance-parallel: one task per item, outputs collected in item order', async () => {
  const id = await run('multi-instance-parallel', { items: [1, 2, 3] });
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables).toEqual({ items: [1, 2, 3], results: [2, 4, 6] });
  // three inner instances (ordinary feiIds), then the body (its own ~body feiId and type)
  const entries = entriesOf(done, 'Task_Double');
  expect(
    entries
      .slice(0, 3)
      .map((e) => e.flowElementInstanceId)
      .sort(),
  ).toEqual([`${id}/Task_Double/1`, `${id}/Task_Double/2`, `${id}/Task_Double/3`]);
  expect(entries.slice(0, 3).every((e) => e.type === 'bpmn:ServiceTask')).toBe(true);
  expect(entries[3]).toEqual(
    expect.objectContaining({
      flowElementInstanceId: `${id}/Task_Double~body/1`,
      type: 'bpmn:MultiInstanceLoopCharacteristics',
    }),
  );
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Task_Double',
    'Task_Double',
    'Task_Double',
    'Task_Double',
    'EndEvent_1',
  ]);
});

test('multi-instance-sequential: in collection order, one user task open at a time', async () => {
  const id = await run('multi-instance-sequential', { items: ['a', 'b', 'c'], log: [] });
  const completed: string[] = [];
  for (const verdict of ['ok-a', 'ok-b', 'ok-c']) {
    const fresh = (t: any) => !completed.includes(t.flowElementInstanceId);
    const waiting = await waitFor(id, (i) => i.userTasks?.some(fresh));
    expect(waiting.userTasks).toHaveLength(1);
    expect(waiting.userTasks[0].variables).toEqual(
      expect.objectContaining({ item: verdict.slice(3), loopCounter: completed.length + 1 }),
    );
    completed.push(waiting.userTasks[0].flowElementInstanceId);
    await completeUserTask(id, 'UserTask_Review', { verdict });
  }
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables).toEqual({
    items: ['a', 'b', 'c'],
    log: ['a', 'b', 'c'],
    counters: [1, 2, 3],
    verdicts: ['ok-a', 'ok-b', 'ok-c'],
  });
  expect(entriesOf(done, 'Script_Append').map((e) => e.flowElementInstanceId)).toEqual([
    `${id}/Script_Append/1`,
    `${id}/Script_Append/2`,
    `${id}/Script_Append/3`,
    `${id}/Script_Append~body/1`,
  ]);
});

test('multi-instance-event-subprocess: a non-interrupting event subprocess fires twice while the body runs', async () => {
  const id = await run('multi-instance-event-subprocess', { items: ['a', 'b', 'c'], pings: 0 });
  const open = await waitFor(id, (i) => i.userTasks?.length === 3);
  const complete = (t: any) =>
    call('POST', `/user-tasks/${encodeURIComponent(t.flowElementInstanceId)}/complete`, {});
  // a ping before any inner instance completed, one after the first
  await sendMessage(id, { name: 'ping' });
  await waitFor(id, (i) => i.variables?.pings === 1);
  expect((await complete(open.userTasks[1])).status).toBe(200);
  await sendMessage(id, { name: 'ping' });
  const pinged = await waitFor(id, (i) => i.variables?.pings === 2);
  // the two other inner instances are still open, then complete the body
  expect(pinged.userTasks.map((t: any) => t.variables.item)).toEqual(['a', 'c']);
  for (const t of pinged.userTasks) expect((await complete(t)).status).toBe(200);
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables).toEqual({ items: ['a', 'b', 'c'], pings: 2 });
  const ids = trailIds(done);
  expect(ids.filter((e) => e === 'SubProcess_Ping')).toHaveLength(2);
  expect(ids.filter((e) => e === 'UserTask_Review')).toHaveLength(4); // three inner + the body
  expect(ids.at(-1)).toBe('EndEvent_1');
});

test('multi-instance-completion: the completion condition ends the body after two of three', async () => {
  const id = await run('multi-instance-completion', { reviewers: ['ann', 'bob', 'cy'] });
  const open = await waitFor(id, (i) => i.userTasks?.length === 3);
  // each task sees its own reviewer and loopCounter, and the body's counters
  expect(open.userTasks.map((t: any) => [t.variables.reviewer, t.variables.loopCounter])).toEqual([
    ['ann', 1],
    ['bob', 2],
    ['cy', 3],
  ]);
  expect(open.userTasks[0].variables.numberOfInstances).toBe(3);
  const byAssignee = (name: string) =>
    open.userTasks.find((t: any) => t.variables.reviewer === name).flowElementInstanceId;
  for (const [name, approved] of [
    ['cy', true],
    ['ann', false],
  ] as const) {
    const res = await call('POST', `/user-tasks/${encodeURIComponent(byAssignee(name))}/complete`, {
      variables: { approved },
    });
    expect(res.status).toBe(200);
  }
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.userTasks).toEqual([]);
  // bob's entry stays null: his instance was cancelled
  expect(done.variables).toEqual({
    reviewers: ['ann', 'bob', 'cy'],
    approvals: [false, null, true],
  });
  expect(entriesOf(done, 'UserTask_Approve')).toHaveLength(3); // two instances + the body
  // a cancelled user task can no longer be completed
  const late = await call('POST', `/user-tasks/${encodeURIComponent(byAssignee('bob'))}/complete`, {
    variables: { approved: true },
  });
  expect(late.status).toBeGreaterThanOrEqual(400);
});

test('multi-instance-boundary: the timer on the body interrupts the instance still waiting', async () => {
  const id = await run('multi-instance-boundary');
  await waitFor(
    id,
    (i) => i.activeElements?.filter((a: any) => a.elementId === 'Receive_Ack').length === 4,
  );
  await sendMessage(id, { name: 'ack', messageId: 'ack-1', variables: { first: true } });
  await sendMessage(id, { name: 'ack', messageId: 'ack-2' });
  const done = await waitFor(id, undefined, 30_000);
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Receive_Ack',
    'Receive_Ack',
    'Boundary_Timeout',
    'EndEvent_TimedOut',
  ]);
  expect(entriesOf(done, 'Receive_Ack').map((e) => e.flowElementInstanceId)).toEqual([
    `${id}/Receive_Ack/1`,
    `${id}/Receive_Ack/2`,
  ]);
  expect(done.variables).toEqual({ first: true });
});

test('multi-instance-error: an error in one parallel instance cancels its siblings', async () => {
  const id = await run('multi-instance-error', { items: ['ok-1', 'bad', 'ok-2'] });
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.userTasks).toEqual([]);
  expect(done.activeElements).toEqual([]);
  const trail = trailIds(done);
  expect(trail.slice(-2)).toEqual(['Boundary_Bad', 'EndEvent_Handled']);
  // no sibling completed, and neither did the body
  expect(trail).not.toContain('UserTask_Handle');
  expect(trail).not.toContain('SubProcess_Item');
  expect(trail).not.toContain('EndEvent_1');
  expect(trail.filter((e) => e === 'StartEvent_Sub')).toHaveLength(3);
  expect(done.variables).toEqual({ items: ['ok-1', 'bad', 'ok-2'] });
});

test('multi-instance-kinds: plain task, send task and call activity as multi-instance', async () => {
  await deployFixture('call-activity-child');
  const id = await run('multi-instance-kinds', { items: [5, 6] });
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables).toEqual({ items: [5, 6], doubled: [10, 12] });
  expect(entriesOf(done, 'Task_Plain')).toHaveLength(3);
  expect(entriesOf(done, 'Send_Notify')).toHaveLength(3);
  expect(entriesOf(done, 'Call_Double').map((e) => e.type)).toEqual([
    'bpmn:CallActivity',
    'bpmn:CallActivity',
    'bpmn:MultiInstanceLoopCharacteristics',
  ]);
});

test('a bad inputCollection is an incident on the body, naming the element', async () => {
  const id = await run(
    'multi-instance-parallel',
    { items: 'not a list' },
    'multi-instance-bad-collection',
  );
  const stuck = await waitFor(id, (i) => i.incidents?.length > 0);
  expect(stuck.incidents).toEqual([
    expect.objectContaining({
      elementId: 'Task_Double',
      flowElementInstanceId: `${id}/Task_Double~body/1`,
      message: expect.stringContaining(
        'element \'Task_Double\': inputCollection evaluated to "not a list"',
      ),
    }),
  ]);
  await call('POST', `/instances/${encodeURIComponent(id)}/cancel`);
});

test('multi-instance-large: more items than the window; the instance continues as new', async () => {
  const n = 1500; // 15 windows, and more history than one run is suggested to hold
  // Regular activities: as local ones (revision 5) 1,500 noops fit one run's history.
  const id = await startInstance(await deployRemote('multi-instance-large'), { variables: { n } });
  replay.add(id, 'multi-instance-large-remote');
  const done = await waitFor(id, undefined, 540_000);
  expect(done.status).toBe('COMPLETED');
  expect(n).toBeGreaterThan(PARALLEL_WINDOW * 10);
  expect(done.variables.out).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  expect(done.generation).toBeGreaterThanOrEqual(1);
  const runs = await historyChain(id);
  for (const events of runs) expect(events.length).toBeLessThan(10_000);
}, 600_000);
