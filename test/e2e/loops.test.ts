/**
 * Standard loops end to end (BPMN 2.0 §13.2.2; Camunda 8 lacks them): a script task looping
 * while a condition over the variable it writes holds (do-while), and a subprocess with
 * testBefore and loopMaximum.
 */
import { trailIds, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

const run = (fixture: string, variables: Record<string, unknown> = {}, name = fixture) =>
  replay.runFixture(fixture, variables, name);

test('standard-loop: the condition reads what the body writes; loopMaximum bounds the subprocess', async () => {
  const id = await run('standard-loop', { count: 0, limit: 3, again: true, rounds: [] });
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables).toEqual({ count: 3, limit: 3, again: true, rounds: [1, 2] });
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Script_Inc',
    'Script_Inc',
    'Script_Inc',
    'Script_Inc',
    'StartEvent_Sub',
    'Script_Round',
    'EndEvent_Sub',
    'SubProcess_Retry',
    'StartEvent_Sub',
    'Script_Round',
    'EndEvent_Sub',
    'SubProcess_Retry',
    'SubProcess_Retry',
    'EndEvent_1',
  ]);
  const bodies = done.trail.filter((e: any) => e.type === 'bpmn:StandardLoopCharacteristics');
  expect(bodies.map((e: any) => e.flowElementInstanceId)).toEqual([
    `${id}/Script_Inc~body/1`,
    `${id}/SubProcess_Retry~body/1`,
  ]);
});

test('standard-loop: testBefore with a false condition runs no iteration; do-while runs one', async () => {
  const id = await run(
    'standard-loop',
    { count: 5, limit: 3, again: false, rounds: [] },
    'standard-loop-none',
  );
  const done = await waitFor(id);
  expect(done.variables).toEqual({ count: 6, limit: 3, again: false, rounds: [] });
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Script_Inc',
    'Script_Inc',
    'SubProcess_Retry',
    'EndEvent_1',
  ]);
});
