/**
 * Built-in task types as local activities (driver revision 5, src/model/activity-mode.ts):
 * they complete with the same trail and variables as regular activities, show in history as
 * markers, and a `waymark.activityMode = remote` header still schedules a regular activity.
 */
import { deployXml, trailIds, waitFor } from '../support/api';
import { scheduledActivities } from '../support/activity-queues';
import { historyChain, ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();

afterAll(async () => {
  expect(await replay.replayAll()).toEqual([]);
}, 120_000);

const count = (events: string[], type: string) => events.filter((e) => e === type).length;

test('built-in tasks run as local activities; the remote header schedules a regular one', async () => {
  // given a model of noop, echo and bpmn-error tasks, one of them with the remote header
  const id = await replay.runFixture('local-builtin-tasks', { price: 10, quantity: 3 });

  // when it runs
  const done = await waitFor(id);

  // then it completes along the error boundary with the tasks' variables
  expect(done.status).toBe('COMPLETED');
  // (the two parallel branches' local activities may complete in either order)
  const trail = trailIds(done);
  expect([...trail.slice(2, 4)].sort()).toEqual(['Task_Echo', 'Task_Noop']);
  expect([...trail.slice(0, 2), ...trail.slice(4)]).toEqual([
    'StartEvent_1',
    'Fork',
    'Join',
    'Task_Remote',
    'Error_Caught',
    'Task_After',
    'EndEvent_Declined',
  ]);
  expect(done.variables).toEqual({ price: 10, quantity: 3, echoedTotal: 30, note: 'declined' });
  // and only the remote task is an activity in history; the other four are markers
  expect((await scheduledActivities(id)).map(([type]) => type)).toEqual(['noop']);
  const [events] = await historyChain(id);
  expect(count(events, 'ACTIVITY_TASK_SCHEDULED')).toBe(1);
  expect(count(events, 'MARKER_RECORDED')).toBe(4);
});

test('a bad waymark.activityMode header is refused at deploy, naming the task', async () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="local-bad-mode" isExecutable="true">
    <bpmn:startEvent id="S"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Task_Odd"><bpmn:extensionElements><zeebe:taskDefinition type="noop" /><zeebe:taskHeaders><zeebe:header key="waymark.activityMode" value="nearby" /></zeebe:taskHeaders></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="E"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Task_Odd" />
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Odd" targetRef="E" />
  </bpmn:process>
</bpmn:definitions>`;
  await expect(deployXml(xml)).rejects.toThrow(/Task_Odd.*waymark\.activityMode header .*nearby/s);
});
