/**
 * Multi-instance behaviour events end to end (BPMN 2.0 §10.3.8 `behavior`,
 * src/engine/loop-events.ts): behavior="None" throws an escalation for every completed instance,
 * caught three times by a non-interrupting boundary on the body; behavior="Complex" throws a
 * signal once two reviews are complete, and the interrupting signal boundary on the body
 * cancels the review still open.
 */
import { call, trailIds, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 300_000);

test('multi-instance-behavior: None escalates per instance, Complex signals after two of three', async () => {
  const reviewers = ['ann', 'bob', 'cy'];
  const id = await replay.runFixture('multi-instance-behavior', { reviewers });
  const open = await waitFor(id, (i) => i.userTasks?.length === 3);
  // every noop instance completed and escalated once: three boundary paths beside the body
  const first = trailIds(open);
  expect(first.filter((e) => e === 'Boundary_Each')).toHaveLength(3);
  expect(first.filter((e) => e === 'EndEvent_Noted')).toHaveLength(3);
  expect(first.filter((e) => e === 'Task_Each')).toHaveLength(4); // three inner + the body
  expect(open.userTasks.map((t: any) => t.variables.reviewer)).toEqual(reviewers);
  const complete = (t: any) =>
    call('POST', `/user-tasks/${encodeURIComponent(t.flowElementInstanceId)}/complete`, {});
  expect((await complete(open.userTasks[0])).status).toBe(200);
  const one = await waitFor(id, (i) => i.userTasks?.length === 2);
  expect(trailIds(one)).not.toContain('Boundary_Enough');
  expect((await complete(open.userTasks[2])).status).toBe(200);
  // the second completion throws enoughReviews: the body is interrupted, bob's review closes
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.userTasks ?? []).toEqual([]);
  const ids = trailIds(done);
  expect(ids.filter((e) => e === 'UserTask_Review')).toHaveLength(2);
  expect(ids.slice(-2)).toEqual(['Boundary_Enough', 'EndEvent_Enough']);
  expect(ids).not.toContain('EndEvent_1');
  expect(done.variables).toEqual({ reviewers });
});
