/**
 * BPMN fixtures end to end, event subprocesses (BPMN 2.0 §10.3.5): a non-interrupting message
 * event subprocess firing twice while a long-running user task waits, an interrupting timer
 * event subprocess ending the process, an error event subprocess inside a subprocess catching
 * a task's BPMN error (exact code over catch-all), a signal end event starting a process-level
 * signal event subprocess, and an uncaught error end event parking an incident (never
 * COMPLETED).
 */
import { completeUserTask, sendMessage, trailIds, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

const run = (fixture: string, variables: Record<string, unknown> = {}, name = fixture) =>
  replay.runFixture(fixture, variables, name);

// Written with a long-running user task; the multi-instance variant belongs with multi-instance.
test('event-subprocess-non-interrupting: fires twice while the process keeps running', async () => {
  const id = await run('event-subprocess-non-interrupting', { pings: 0 });
  await waitFor(id, (i) => i.userTasks?.length === 1);
  await sendMessage(id, { name: 'ping', variables: { lastFrom: 'a' } });
  await waitFor(id, (i) => i.variables.pings === 1);
  await sendMessage(id, { name: 'ping', variables: { lastFrom: 'b' } });
  const twice = await waitFor(id, (i) => i.variables.pings === 2);
  expect(twice.status).toBe('RUNNING');
  expect(twice.userTasks.map((t: any) => t.elementId)).toEqual(['UserTask_Work']);
  await completeUserTask(id, 'UserTask_Work');
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'StartEvent_Ping',
    'Script_Count',
    'EndEvent_Ping',
    'SubProcess_Ping',
    'StartEvent_Ping',
    'Script_Count',
    'EndEvent_Ping',
    'SubProcess_Ping',
    'UserTask_Work',
    'EndEvent_Done',
  ]);
  expect(done.variables).toEqual({ pings: 2, lastFrom: 'b' });
});

test('event-subprocess-interrupting-timer: the timer cancels the user task and completes the process', async () => {
  const done = await waitFor(await run('event-subprocess-interrupting-timer'), undefined, 15_000);
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'StartEvent_Timeout',
    'Script_Expire',
    'EndEvent_Expired',
    'SubProcess_Timeout',
  ]);
  expect(done.userTasks).toEqual([]);
  expect(done.variables).toEqual({ expired: true });
});

test('event-subprocess-error: a task error is caught by the exact-code error event subprocess inside the subprocess', async () => {
  const done = await waitFor(await run('event-subprocess-error', { signalStop: false }));
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Gateway_Stop',
    'StartEvent_Sub',
    'StartEvent_Declined',
    'Script_Refund',
    'EndEvent_Refunded',
    'SubProcess_OnDeclined',
    'SubProcess_Charge',
    'EndEvent_1',
  ]);
  expect(done.incidents).toEqual([]);
  expect(done.variables).toEqual({ signalStop: false, refunded: true });
});

test('event-subprocess-error: a signal end event starts the process-level signal event subprocess', async () => {
  const id = await run('event-subprocess-error', { signalStop: true }, 'event-subprocess-signal');
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Gateway_Stop',
    'EndEvent_Stop',
    'StartEvent_Stop',
    'EndEvent_Stopped',
    'SubProcess_OnStop',
  ]);
});

test('error-end-uncaught: an error end event nothing catches parks an incident; the instance never completes', async () => {
  const id = await run('error-end-uncaught');
  const parked = await waitFor(id, (i) => i.incidents?.length === 1);
  expect(parked.status).toBe('RUNNING');
  expect(parked.incidents[0]).toMatchObject({ kind: 'error', elementId: 'EndEvent_Error' });
  expect(parked.incidents[0].message).toContain("unhandled BPMN error 'OUT_OF_STOCK'");
  expect(trailIds(parked)).toEqual(['StartEvent_1', 'Script_Before']);
  expect(parked.variables).toEqual({ before: true });
  await new Promise((r) => setTimeout(r, 500));
  expect((await waitFor(id, () => true)).status).toBe('RUNNING');
});
