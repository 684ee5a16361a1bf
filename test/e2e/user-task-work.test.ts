/**
 * User tasks people can work with, through the HTTP API: listed by candidate group, instance,
 * assignee and overdue due date; claimed (409 for a second claimer, unless allowOverride),
 * unassigned, re-dated and re-prioritised; completion refused for a user who does not hold the
 * task; forms served — embedded (`zeebe:userTaskForm`) and linked by formId (kind `form`).
 */
import { call, deployFixture, fixture, startInstance, trailIds, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';
import { visibleCount } from '../support/visibility';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

const approveForm = {
  kind: 'form',
  id: 'approve-request',
  type: 'default',
  schemaVersion: 16,
  components: [{ key: 'approved', label: 'Approve', type: 'checkbox' }],
};

const tasks = async (query: string) => {
  const res = await call('GET', `/user-tasks?${query}`);
  expect(res.status).toBe(200);
  return res.body.items as any[];
};
const path = (feiId: string, rest = '') => `/user-tasks/${encodeURIComponent(feiId)}${rest}`;

/** Polls a listing until `done` holds (visibility indexes search attributes asynchronously). */
async function eventually(query: string, done: (items: any[]) => boolean): Promise<any[]> {
  const deadline = Date.now() + 20_000;
  let items = await tasks(query);
  while (!done(items) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    items = await tasks(query);
  }
  return items;
}

test('a user task is listed by group, claimed, refused to a second claimer, re-dated and completed', async () => {
  // given the linked form and the model deployed, and an instance waiting at Task_Review
  expect((await call('POST', '/definitions?deploy=true', approveForm)).status).toBe(201);
  await deployFixture('user-task-work');
  const id = await startInstance('user-task-work', { variables: { priorityBase: 50 } });
  replay.add(id, 'user-task-work');
  await waitFor(id, (i) => i.userTasks?.some((t: any) => t.elementId === 'Task_Review'));
  const inst = encodeURIComponent(id);

  // then it is listed for its candidate group, overdue, with its schedule and priority
  const [review] = await tasks(`candidateGroup=reviewers&instance=${inst}`);
  expect(review).toEqual(
    expect.objectContaining({ elementId: 'Task_Review', priority: 70, instanceId: id }),
  );
  const feiId = review.flowElementInstanceId;
  expect(Date.parse(review.dueDate)).toBeLessThan(Date.now());
  expect(Date.parse(review.followUpDate)).toBeGreaterThan(Date.now());
  expect(await tasks(`candidateGroup=approvers&instance=${inst}`)).toEqual([]);
  // overdue: found through the WaymarkUserTaskDue search attribute the instance publishes
  expect(
    await visibleCount(
      `WorkflowId = "${id}" AND WaymarkUserTaskDue < "${new Date().toISOString()}"`,
    ),
  ).toBe(1);
  const overdue = await eventually('overdue=true', (items) =>
    items.some((t) => t.instanceId === id),
  );
  expect(overdue.filter((t) => t.instanceId === id).map((t) => t.elementId)).toEqual([
    'Task_Review',
  ]);
  expect(await tasks(`overdue=false&instance=${inst}`)).toEqual([]);

  // and its embedded form is served
  const form = await call('GET', path(feiId, '/form'));
  expect(form.status).toBe(200);
  expect(form.body).toEqual(expect.objectContaining({ id: 'review-request' }));
  expect(form.body.components[0].key).toBe('reviewed');

  // when ada claims it, a second claimer is refused; the holder may claim again
  const claimed = await call('POST', path(feiId, '/assignment'), { assignee: 'ada' });
  expect(claimed.status).toBe(200);
  expect(claimed.body.assignee).toBe('ada');
  const second = await call('POST', path(feiId, '/assignment'), { assignee: 'bob' });
  expect(second.status).toBe(409);
  expect(second.body).toEqual(
    expect.objectContaining({ type: expect.stringContaining('user-task-assigned') }),
  );
  expect((await call('POST', path(feiId, '/assignment'), { assignee: 'ada' })).status).toBe(200);
  expect((await tasks(`assignee=ada&instance=${inst}`)).map((t) => t.elementId)).toEqual([
    'Task_Review',
  ]);

  // an override reassigns; unassigning frees it; ada claims it back
  const over = await call('POST', path(feiId, '/assignment'), {
    assignee: 'bob',
    allowOverride: true,
  });
  expect(over.body.assignee).toBe('bob');
  const freed = await call('DELETE', path(feiId, '/assignee'));
  expect(freed.status).toBe(200);
  expect(freed.body.assignee).toBeUndefined();
  expect((await call('POST', path(feiId, '/assignment'), { assignee: 'ada' })).status).toBe(200);

  // a new due date and priority: no longer overdue
  const due = new Date(Date.now() + 3_600_000).toISOString();
  const patched = await call('PATCH', path(feiId), { dueDate: due, priority: 10 });
  expect(patched.status).toBe(200);
  expect(patched.body).toEqual(expect.objectContaining({ dueDate: due, priority: 10 }));
  expect(await eventually(`overdue=true&instance=${inst}`, (items) => items.length === 0)).toEqual(
    [],
  );
  expect((await call('PATCH', path(feiId), { priority: 101 })).status).toBe(400);

  // completing as someone else is refused; ada completes it
  const asBob = await call('POST', path(feiId, '/complete'), { user: 'bob', variables: {} });
  expect(asBob.status).toBe(409);
  const done = await call('POST', path(feiId, '/complete'), {
    user: 'ada',
    variables: { reviewed: true },
  });
  expect(done.status).toBe(200);
  expect((await call('POST', path(feiId, '/assignment'), { assignee: 'ada' })).status).toBe(409);

  // the next task serves its linked form, and completes without naming a user
  const next = await waitFor(id, (i) =>
    i.userTasks?.some((t: any) => t.elementId === 'Task_Approve'),
  );
  const approve = next.userTasks.find((t: any) => t.elementId === 'Task_Approve');
  expect(approve.priority).toBeUndefined();
  const linked = await call('GET', path(approve.flowElementInstanceId, '/form'));
  expect(linked.status).toBe(200);
  expect(linked.body).toEqual({
    id: 'approve-request',
    type: 'default',
    schemaVersion: 16,
    components: [{ key: 'approved', label: 'Approve', type: 'checkbox' }],
  });
  const approved = await call('POST', path(approve.flowElementInstanceId, '/complete'), {
    variables: { approved: true },
  });
  expect(approved.status).toBe(200);
  const closed = await waitFor(id);
  expect(trailIds(closed)).toEqual(['StartEvent_1', 'Task_Review', 'Task_Approve', 'EndEvent_1']);
  expect(closed.variables).toEqual({ priorityBase: 50, reviewed: true, approved: true });
});

test('tasks sort by priority and page; unknown tasks answer 404', async () => {
  // given the model under a key of its own (instances of the test above do not show)
  const xml = fixture('user-task-work').replace('id="user-task-work"', 'id="user-task-sort"');
  const deployed = await call('POST', '/definitions?deploy=true', xml, {
    'content-type': 'application/xml',
  });
  expect(deployed.status).toBe(201);
  const ids = [
    await startInstance('user-task-sort', { variables: { priorityBase: 10 } }),
    await startInstance('user-task-sort', { variables: { priorityBase: 40 } }),
  ];
  ids.forEach((id, i) => replay.add(id, `user-task-work-sort-${i}`));
  for (const id of ids) await waitFor(id, (i) => i.userTasks?.length === 1);
  const res = await call(
    'GET',
    '/user-tasks?definition=user-task-sort&sort=priority&order=desc&pageSize=1',
  );
  expect(res.status).toBe(200);
  expect(res.body.items).toHaveLength(1);
  expect(res.body.items[0]).toEqual(expect.objectContaining({ instanceId: ids[1], priority: 60 }));
  const page2 = await call(
    'GET',
    `/user-tasks?definition=user-task-sort&sort=priority&order=desc&pageSize=1&nextPageToken=${res.body.nextPageToken}`,
  );
  expect(page2.body.items[0]).toEqual(
    expect.objectContaining({ instanceId: ids[0], priority: 30 }),
  );
  const unknown = `${ids[0]}/Task_Nope/1`;
  expect((await call('POST', path(unknown, '/assignment'), { assignee: 'ada' })).status).toBe(404);
  expect((await call('GET', path(unknown, '/form'))).status).toBe(404);
  for (const id of ids) await call('POST', `/instances/${encodeURIComponent(id)}/cancel`);
});
