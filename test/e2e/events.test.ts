/**
 * BPMN fixtures end to end, events: receive task and message catch (with buffering and
 * messageId dedupe), timer catch by duration and date, boundary timers (interrupting on a user
 * task and a subprocess, non-interrupting cycle firing twice), error boundaries on a service
 * task and on a subprocess, terminate end.
 */
import { call, completeUserTask, sendMessage, trailIds, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

const run = (fixture: string, variables: Record<string, unknown> = {}, name = fixture) =>
  replay.runFixture(fixture, variables, name);

test('receive-task: a message sent before the task waits is buffered, a duplicate is dropped', async () => {
  const id = await run('receive-task', { orderId: 'order-1' });
  await sendMessage(id, {
    name: 'payment-received',
    messageId: 'm-1',
    variables: { amount: 99.5 },
  });
  // The duplicate is dropped by the instance (202), or — when the first message already
  // completed it — refused as no longer running (409); either way it changes nothing.
  const duplicate = await call('POST', `/instances/${encodeURIComponent(id)}/messages`, {
    name: 'payment-received',
    messageId: 'm-1',
    variables: { amount: 1 },
  });
  expect([202, 409]).toContain(duplicate.status);
  if (duplicate.status === 409) expect(duplicate.body.type).toContain('instance-not-running');
  const done = await waitFor(id);
  expect(trailIds(done)).toEqual(['StartEvent_1', 'ReceiveTask_Payment', 'EndEvent_1']);
  expect(done.variables).toEqual({ orderId: 'order-1', amount: 99.5 });
});

test('message-catch: waits at the catch event, then merges the message variables', async () => {
  const id = await run('message-catch', { orderId: 'order-1' });
  const waiting = await waitFor(id, (i) =>
    i.activeElements?.some((a: any) => a.elementId === 'Event_Shipped'),
  );
  expect(waiting.status).toBe('RUNNING');
  await sendMessage(id, { name: 'order-shipped', variables: { trackingNumber: 'TN-1' } });
  const done = await waitFor(id);
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Event_Shipped', 'EndEvent_1']);
  expect(done.variables).toEqual({ orderId: 'order-1', trackingNumber: 'TN-1' });
});

test('timer-catch-duration: a durable PT1S timer', async () => {
  const started = Date.now();
  const done = await waitFor(await run('timer-catch-duration', { t: 1 }));
  expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Timer_Wait', 'EndEvent_1']);
  const timer = done.trail[1];
  expect(Date.parse(timer.endedAt) - Date.parse(timer.startedAt)).toBeGreaterThanOrEqual(900);
});

test('timer-catch-date: fires at the FEEL date', async () => {
  const dueAt = new Date(Date.now() + 1500).toISOString().replace(/\.\d+Z$/, 'Z');
  const done = await waitFor(await run('timer-catch-date', { dueAt }));
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Timer_Due', 'EndEvent_1']);
  expect(Date.parse(done.trail[1].endedAt)).toBeGreaterThanOrEqual(Date.parse(dueAt) - 50);
  expect(done.variables).toEqual({ dueAt });
});

test('boundary-timer-user-task: the interrupting timer cancels the task', async () => {
  const done = await waitFor(await run('boundary-timer-user-task'));
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Timer_Escalate',
    'Script_Escalate',
    'EndEvent_Escalated',
  ]);
  expect(done.variables).toEqual({ escalated: true });
  expect(done.userTasks).toEqual([]);
});

test('boundary-timer-non-interrupting: a cycle fires twice, the task stays open', async () => {
  const id = await run('boundary-timer-non-interrupting');
  const reminded = await waitFor(id, (i) => i.variables.count === 2, 15_000);
  expect(reminded.status).toBe('RUNNING');
  expect(reminded.userTasks.map((t: any) => t.elementId)).toEqual(['UserTask_Work']);
  await completeUserTask(id, 'UserTask_Work');
  const done = await waitFor(id);
  const trail = trailIds(done);
  expect(trail.filter((e) => e === 'Timer_Remind')).toHaveLength(2);
  expect(trail.filter((e) => e === 'Script_Increment')).toHaveLength(2);
  expect(trail.slice(-2)).toEqual(['UserTask_Work', 'EndEvent_Done']);
  expect(done.variables).toEqual({ count: 2 });
});

test('boundary-timer-subprocess: the timer interrupts the subprocess and its user task', async () => {
  const id = await run('boundary-timer-subprocess');
  const done = await waitFor(id, undefined, 15_000);
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'StartEvent_Sub',
    'Timer_Timeout',
    'Script_TimedOut',
    'EndEvent_TimedOut',
  ]);
  expect(done.variables).toEqual({ timedOut: true });
  expect(done.userTasks).toEqual([]);
});

test('boundary-error-service-task: a BPMN error from the task takes the error boundary', async () => {
  const done = await waitFor(await run('boundary-error-service-task'));
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Error_Caught',
    'Script_Declined',
    'EndEvent_Declined',
  ]);
  expect(done.variables).toEqual({ outcome: 'declined' });
  expect(done.incidents).toEqual([]);
});

test('error-boundary-subprocess: an error end event inside is caught on the subprocess', async () => {
  const done = await waitFor(await run('error-boundary-subprocess'));
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'StartEvent_Sub',
    'Script_Validate',
    'EndEvent_Invalid',
    'Error_Invalid_Caught',
    'Script_Handle',
    'EndEvent_Handled',
  ]);
  expect(done.variables).toEqual({ checked: true, handled: 'INVALID_ORDER' });
});

test('terminate-end: ends every branch, cancels the waiting user task', async () => {
  const done = await waitFor(await run('terminate-end'));
  expect(done.status).toBe('COMPLETED');
  const trail = trailIds(done);
  expect(trail).toContain('EndEvent_Terminate');
  expect(trail).not.toContain('EndEvent_Normal');
  expect(trail).not.toContain('UserTask_Wait');
  expect(done.variables).toEqual({ terminated: true });
  expect(done.userTasks).toEqual([]);
});

test('cancel: a waiting instance is cancelled through the API', async () => {
  const id = await run('user-task', {}, 'user-task-cancelled');
  await waitFor(id, (i) => i.userTasks?.length === 1);
  expect((await call('POST', `/instances/${encodeURIComponent(id)}/cancel`)).status).toBeLessThan(
    300,
  );
  const done = await waitFor(id);
  expect(done.status).toBe('CANCELED');
});
