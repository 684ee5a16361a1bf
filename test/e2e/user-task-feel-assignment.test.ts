/**
 * FEEL assignment of user tasks through the HTTP API (issue 17): `zeebe:assignmentDefinition`
 * with `assignee="=owner"` and `candidateGroups="=[team, &quot;leads&quot;]"`, evaluated when the task
 * opens. The task is listed for the evaluated assignee and groups, a claim by someone else is
 * a 409, completion by someone else too, and the assignee completes it.
 */
import { call, startInstance, trailIds, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

const model = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="feel-assigned" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Task_Check" name="Check"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
      <bpmn:extensionElements>
        <zeebe:userTask />
        <zeebe:assignmentDefinition assignee="=owner" candidateGroups="=[team, &quot;leads&quot;]" />
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_Check"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Check" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

const path = (feiId: string, rest = '') => `/user-tasks/${encodeURIComponent(feiId)}${rest}`;

test('a FEEL assignee and candidate groups are evaluated when the task opens and enforced', async () => {
  // given the model and an instance whose owner is carol of team ops
  const deployed = await call('POST', '/definitions?deploy=true', model, {
    'content-type': 'application/xml',
  });
  expect([200, 201]).toContain(deployed.status);
  const id = await startInstance('feel-assigned', { variables: { owner: 'carol', team: 'ops' } });
  replay.add(id, 'user-task-feel-assignment');
  await waitFor(id, (i) => i.userTasks?.some((t: any) => t.elementId === 'Task_Check'));
  const inst = encodeURIComponent(id);

  // then the task is carol's, offered to ops and leads, and not to others
  const mine = await call('GET', `/user-tasks?assignee=carol&instance=${inst}`);
  expect(mine.body.items).toHaveLength(1);
  const task = mine.body.items[0];
  expect(task).toEqual(
    expect.objectContaining({ assignee: 'carol', candidateGroups: 'ops,leads' }),
  );
  for (const group of ['ops', 'leads'])
    expect(
      (await call('GET', `/user-tasks?candidateGroup=${group}&instance=${inst}`)).body.items,
    ).toHaveLength(1);
  expect(
    (await call('GET', `/user-tasks?candidateGroup=sales&instance=${inst}`)).body.items,
  ).toEqual([]);
  expect((await call('GET', `/user-tasks?assignee=dave&instance=${inst}`)).body.items).toEqual([]);

  // when dave claims it or completes it, both are refused with 409
  const feiId = task.flowElementInstanceId;
  expect((await call('POST', path(feiId, '/assignment'), { assignee: 'dave' })).status).toBe(409);
  expect((await call('POST', path(feiId, '/complete'), { user: 'dave' })).status).toBe(409);

  // and carol completes it
  const done = await call('POST', path(feiId, '/complete'), {
    user: 'carol',
    variables: { checked: true },
  });
  expect(done.status).toBe(200);
  const finished = await waitFor(id);
  expect(finished.status).toBe('COMPLETED');
  expect(finished.variables).toMatchObject({ owner: 'carol', checked: true });
  expect(trailIds(finished)).toEqual(['Start', 'Task_Check', 'End']);
});
