/**
 * BPMN fixtures end to end, escalation (BPMN 2.0 §10.5.4): boundaries on a subprocess
 * (non-interrupting with the exact code, interrupting catch-all), an uncaught escalation that
 * fails nothing, and an escalation thrown in a called child process caught by a boundary on
 * the call activity in the parent.
 */
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
