/**
 * BPMN fixtures end to end, gateways: parallel fork/join, inclusive fork and join (including a
 * join after a partial fork that must wait for a slow branch), event-based gateway both ways.
 */
import { completeUserTask, sendMessage, trailIds, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

const run = (fixture: string, variables: Record<string, unknown> = {}, name = fixture) =>
  replay.runFixture(fixture, variables, name);

test('parallel-gateway: fork three, join waits for all', async () => {
  const done = await waitFor(await run('parallel-gateway'));
  const trail = trailIds(done);
  expect(trail.slice(0, 2)).toEqual(['StartEvent_1', 'Gateway_Fork']);
  expect(trail.slice(2, 5).sort()).toEqual(['Script_A', 'Script_B', 'Script_C']);
  expect(trail.slice(5)).toEqual(['Gateway_Join', 'Script_Sum', 'EndEvent_1']);
  expect(done.variables).toEqual({ a: 1, b: 2, c: 3, sum: 6 });
});

test('inclusive-gateway: forks on true conditions, joins the taken branches', async () => {
  const done = await waitFor(
    await run(
      'inclusive-gateway',
      { wantsA: true, wantsB: false, wantsC: true },
      'inclusive-gateway-two',
    ),
  );
  const trail = trailIds(done);
  expect(trail.filter((e) => e.startsWith('Script_') && e !== 'Script_Count').sort()).toEqual([
    'Script_A',
    'Script_C',
  ]);
  expect(trail.filter((e) => e === 'Gateway_Join')).toHaveLength(1);
  expect(trail.slice(-2)).toEqual(['Script_Count', 'EndEvent_1']);
  expect(done.variables).toEqual({
    wantsA: true,
    wantsB: false,
    wantsC: true,
    a: 'A',
    c: 'C',
    taken: 2,
  });
});

test('inclusive-gateway: default flow when no condition holds', async () => {
  const done = await waitFor(
    await run(
      'inclusive-gateway',
      { wantsA: false, wantsB: false, wantsC: false },
      'inclusive-gateway-default',
    ),
  );
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Gateway_Fork',
    'Script_None',
    'Gateway_Join',
    'Script_Count',
    'EndEvent_1',
  ]);
  expect(done.variables).toEqual(expect.objectContaining({ none: true, taken: 0 }));
});

test('inclusive-join-partial: the join waits for the slow branch, fires once', async () => {
  const id = await run('inclusive-join-partial', {
    needsReview: true,
    needsCheck: true,
    needsExtra: false,
  });
  const waiting = await waitFor(
    id,
    (i) => i.userTasks?.length === 1 && i.trail.some((t: any) => t.elementId === 'Script_Check'),
  );
  expect(trailIds(waiting)).not.toContain('Gateway_Join');
  expect(waiting.status).toBe('RUNNING');
  await completeUserTask(id, 'UserTask_Review', { reviewed: true });
  const done = await waitFor(id);
  expect(trailIds(done).filter((e) => e === 'Gateway_Join')).toHaveLength(1);
  expect(trailIds(done)).not.toContain('Script_Extra');
  expect(trailIds(done).slice(-3)).toEqual(['Gateway_Join', 'Script_Done', 'EndEvent_1']);
  expect(done.variables).toEqual({
    needsReview: true,
    needsCheck: true,
    needsExtra: false,
    checked: true,
    reviewed: true,
    done: true,
  });
});

test('event-based-gateway: the message wins and the timer is cancelled', async () => {
  const id = await run(
    'event-based-gateway',
    { orderId: 'order-1' },
    'event-based-gateway-message',
  );
  await waitFor(id, (i) =>
    i.activeElements?.some(
      (a: any) => a.elementId === 'Gateway_Race' || a.elementId === 'Event_Paid',
    ),
  );
  await sendMessage(id, {
    name: 'payment-received',
    messageId: 'pay-1',
    variables: { paidAmount: 10 },
  });
  const done = await waitFor(id);
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Gateway_Race',
    'Event_Paid',
    'Script_Paid',
    'EndEvent_Paid',
  ]);
  expect(done.variables).toEqual({ orderId: 'order-1', paidAmount: 10, outcome: 'paid' });
});

test('event-based-gateway: the timer wins when no message comes', async () => {
  const done = await waitFor(
    await run('event-based-gateway', { orderId: 'order-2' }, 'event-based-gateway-timer'),
    undefined,
    15_000,
  );
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Gateway_Race',
    'Event_Timeout',
    'Script_Timeout',
    'EndEvent_Timeout',
  ]);
  expect(done.variables).toEqual({ orderId: 'order-2', outcome: 'timeout' });
});
