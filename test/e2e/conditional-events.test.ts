/**
 * BPMN fixtures end to end, conditional events (BPMN 2.0 §10.5.1, Camunda 8.9): a conditional
 * intermediate catch that waits until a user task writes the variable it watches, an
 * interrupting conditional boundary fired by a message's variables, and a non-interrupting
 * conditional event subprocess evaluated when the process starts.
 */
import { completeUserTask, sendMessage, trailIds, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

const run = (fixture: string, variables: Record<string, unknown> = {}, name = fixture) =>
  replay.runFixture(fixture, variables, name);

test('conditional-events: catch, boundary and event subprocess start fire on variable changes', async () => {
  const id = await run('conditional-events', { stock: 1, cancelled: false, vip: true });
  const started = await waitFor(id, (i) => i.userTasks?.length === 2);
  expect(trailIds(started)).toEqual([
    'StartEvent_1',
    'Gateway_Fork',
    'StartEvent_Vip',
    'Script_Vip',
    'EndEvent_Vip',
    'SubProcess_Vip',
  ]);
  expect(started.activeElements.map((a: any) => a.elementId)).toContain('Event_Stock');

  await completeUserTask(id, 'UserTask_Restock', { stock: 10 });
  const shipped = await waitFor(id, (i) => trailIds(i).includes('EndEvent_Shipped'));
  expect(trailIds(shipped).slice(-3)).toEqual([
    'EndEvent_Restocked',
    'Event_Stock',
    'EndEvent_Shipped',
  ]);

  await sendMessage(id, { name: 'cancel', variables: { cancelled: true } });
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done).slice(-5)).toEqual([
    'Event_Cancel',
    'EndEvent_CancelMsg',
    'Condition_Cancelled',
    'Script_Cancelled',
    'EndEvent_Cancelled',
  ]);
  expect(done.userTasks).toEqual([]);
  expect(done.variables).toEqual({
    stock: 10,
    cancelled: true,
    vip: true,
    greeted: true,
    handled: 'cancelled',
  });
});
