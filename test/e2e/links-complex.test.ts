/**
 * BPMN fixtures end to end: link events (a loop through links), the complex gateway (fires on
 * two of three tokens, the third only resets it) and uncontrolled flow (a forking start event,
 * an activity merging two tokens without a gateway) and a sequential ad-hoc subprocess.
 */
import { completeUserTask, trailIds, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

test('link-events: throw → catch by name, looping until the condition fails', async () => {
  const done = await waitFor(await replay.runFixture('link-events'));
  const round = ['Catch_Loop', 'Script_Inc', 'Gateway_More'];
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Script_Init',
    'Throw_ToLoop',
    ...round,
    'Throw_Again',
    ...round,
    'Throw_Again',
    ...round,
    'Throw_ToEnd',
    'Catch_Finish',
    'EndEvent_1',
  ]);
  expect(done.variables).toEqual({ n: 3 });
});

test('complex-gateway: fires once two of three arrived; the third token only resets it', async () => {
  const id = await replay.runFixture('complex-gateway');
  const fired = await waitFor(id, (i) => trailIds(i).includes('EndEvent_1'));
  expect(fired.status).toBe('RUNNING');
  expect(trailIds(fired)).toEqual([
    'StartEvent_1',
    'Gateway_Fork',
    'Script_A',
    'Script_B',
    'Gateway_Join',
    'Script_After',
    'EndEvent_1',
  ]);
  await completeUserTask(id, 'UserTask_C', { c: 'C' });
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done).slice(7)).toEqual(['UserTask_C']);
  expect(done.variables).toEqual({ a: 'A', b: 'B', c: 'C', fired: 1 });
});

test('uncontrolled-flow: the start forks, the merging task runs once per token', async () => {
  const done = await waitFor(await replay.runFixture('uncontrolled-flow'));
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Script_A',
    'Script_B',
    'Script_Merge',
    'Script_Merge',
    'EndEvent_1',
    'EndEvent_1',
  ]);
  expect(done.variables).toEqual({ a: 'A', b: 'B', merged: 2 });
});

test('ad-hoc-subprocess: the listed elements run one at a time until the completion condition holds', async () => {
  const done = await waitFor(
    await replay.runFixture('ad-hoc-subprocess', { todo: ['Script_C', 'Script_A', 'Script_B'] }),
  );
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Script_C',
    'Script_A',
    'AdHoc_Work',
    'EndEvent_1',
  ]);
  expect(done.variables).toEqual({ todo: ['Script_C', 'Script_A', 'Script_B'], done: ['C', 'A'] });
});
