/**
 * BPMN fixtures end to end, basic elements: deployed and run through the HTTP API on the real
 * dev server; each asserts the trail (element ids in completion order) and the final variables,
 * then replays the recorded histories with the current workflow code.
 */
import { completeUserTask, trailIds, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

const run = (fixture: string, variables: Record<string, unknown> = {}, name = fixture) =>
  replay.runFixture(fixture, variables, name);

test('none-start-end: start → end, variables unchanged', async () => {
  const done = await waitFor(await run('none-start-end', { a: 1 }));
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual(['StartEvent_1', 'EndEvent_1']);
  expect(done.variables).toEqual({ a: 1 });
  expect(done.trail[0]).toEqual(
    expect.objectContaining({
      flowElementInstanceId: expect.stringContaining('/StartEvent_1/1'),
      startedAt: expect.any(String),
      endedAt: expect.any(String),
    }),
  );
});

test('pass-through-tasks: task, manual task and none throw pass through', async () => {
  const done = await waitFor(await run('pass-through-tasks', { x: 'y' }));
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Task_Prepare',
    'ManualTask_Check',
    'Event_Reached',
    'EndEvent_1',
  ]);
  expect(done.variables).toEqual({ x: 'y' });
});

test('service-task-noop: one activity named after its task type', async () => {
  const done = await waitFor(await run('service-task-noop', { k: true }));
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Task_Noop', 'EndEvent_1']);
  expect(done.variables).toEqual({ k: true });
});

test('script-task: FEEL results stored in result variables', async () => {
  const done = await waitFor(await run('script-task', { price: 10, quantity: 3, name: 'Ada' }));
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Script_Total', 'Script_Greeting', 'EndEvent_1']);
  expect(done.variables).toEqual({
    price: 10,
    quantity: 3,
    name: 'Ada',
    total: 30,
    greeting: 'Hello Ada',
  });
});

test('script-task-builtins: feelin dates, filters and strings, twice on one worker', async () => {
  const variables = {
    start: '2024-02-28',
    items: [{ price: 3 }, { price: 7 }, { price: 9 }],
    name: 'Ada',
  };
  // Two instances: the second runs with the FEEL modules the first already loaded (preloaded,
  // shared by every workflow in the worker's V8 context).
  for (const name of ['script-task-builtins', 'script-task-builtins-again']) {
    const done = await waitFor(await run('script-task-builtins', variables, name));
    expect(trailIds(done)).toEqual([
      'StartEvent_1',
      'Script_Due',
      'Script_Count',
      'Script_Upper',
      'EndEvent_1',
    ]);
    expect(done.variables).toEqual({ ...variables, due: '2024-03-01', expensive: 2, shout: 'ADA' });
  }
});

test('user-task: waits, shows the open task, completes through the API', async () => {
  const id = await run('user-task', { order: 7 });
  const waiting = await waitFor(id, (i) => i.userTasks?.length === 1);
  expect(waiting.status).toBe('RUNNING');
  expect(waiting.userTasks[0]).toEqual(
    expect.objectContaining({ elementId: 'UserTask_Approve', assignee: 'demo' }),
  );
  expect(waiting.activeElements.map((a: any) => a.elementId)).toEqual(['UserTask_Approve']);
  await completeUserTask(id, 'UserTask_Approve', { approved: true });
  const done = await waitFor(id);
  expect(trailIds(done)).toEqual(['StartEvent_1', 'UserTask_Approve', 'EndEvent_1']);
  expect(done.variables).toEqual({ order: 7, approved: true });
});

test('io-mapping: inputs become locals, outputs export, locals do not leak', async () => {
  const done = await waitFor(await run('io-mapping', { price: 10, quantity: 3 }));
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Task_Echo', 'EndEvent_1']);
  expect(done.variables).toEqual(
    expect.objectContaining({
      price: 10,
      quantity: 3,
      echoedCustomer: 'ACME',
      echoedTotal: 30,
      summary: { customer: 'ACME', count: 3, flag: true, city: 'Berlin' },
    }),
  );
  for (const local of ['customer', 'count', 'flag', 'total', 'address'])
    expect(done.variables).not.toHaveProperty(local);
});

test('exclusive-gateway: conditions in order, default otherwise', async () => {
  const routes: Record<number, [string, string]> = {
    5000: ['approval', 'Script_Approval'],
    500: ['review', 'Script_Review'],
    50: ['auto', 'Script_Auto'],
  };
  for (const [amount, [route, script]] of Object.entries(routes)) {
    const done = await waitFor(await run('exclusive-gateway', { amount: Number(amount) }));
    expect(trailIds(done)).toEqual([
      'StartEvent_1',
      'Gateway_Amount',
      script,
      'Gateway_Merge',
      'EndEvent_1',
    ]);
    expect(done.variables).toEqual({ amount: Number(amount), route });
  }
});

test('order-approval (the README example, with DI): large orders wait for approval', async () => {
  const id = await run('order-approval', {
    customerName: 'ACME',
    orderNumber: 'o-1',
    items: [{ price: 600 }, { price: 700 }],
  });
  await completeUserTask(id, 'UserTask_Approve', { approved: false });
  const done = await waitFor(id);
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Script_Total',
    'Gateway_Large',
    'UserTask_Approve',
    'EndEvent_Reviewed',
  ]);
  expect(done.variables).toEqual(expect.objectContaining({ total: 1300, approved: false }));
});
