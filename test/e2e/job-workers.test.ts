/**
 * Job workers by convention, end to end: Camunda's twitter model (custom job types, no
 * `taskQueue` header) runs unchanged with a worker the test starts through `createTaskWorker`
 * — each type served on the Temporal queue named after it, the handler getting the Camunda job
 * shape (variables, headers, element id, retries left), a thrown or returned BPMN error
 * reaching the error boundary — and the queue a task runs on follows a `taskQueue` header, then
 * the configured map (WAYMARK_TASK_QUEUES in the global setup), while built-in types stay on
 * Waymark's own queue.
 */
import { BpmnError, createTaskWorker, type TaskJob, type TaskWorker } from '../../src/task-worker';
import { call, deployFixture, startInstance, trailIds, waitFor } from '../support/api';
import { scheduledActivities } from '../support/activity-queues';
import { ReplayCheck, sharedBundle } from '../support/histories';

const replay = new ReplayCheck();
let worker: TaskWorker;
let running: Promise<void>;
const jobs: TaskJob[] = [];

beforeAll(async () => {
  await sharedBundle(); // installs the quiet runtime before the first worker
  await deployFixture('tweet-review');
  worker = await createTaskWorker({
    'publish-tweet': ({ variables, headers, elementId, retriesLeft, attempt, ...job }) => {
      jobs.push({ variables, headers, elementId, retriesLeft, attempt, ...job });
      if (variables.flaky === true && attempt === 1) throw new Error('twitter is down');
      if (variables.text === 'duplicate') throw new BpmnError('duplicateMessage', 'seen it');
      if (variables.text === 'returned duplicate') return { bpmnError: 'duplicateMessage' };
      return {
        tweetId: `t-${String(variables.text)}`,
        postedTo: headers.channel,
        elementId,
        retriesLeft,
      };
    },
    'send-rejection': ({ variables }) => ({ rejected: `rejected: ${String(variables.text)}` }),
  });
  running = worker.run();
}, 120_000);

afterAll(async () => {
  await worker?.shutdown();
  await running;
  expect(await replay.replayAll()).toEqual([]);
}, 120_000);

async function tweet(variables: Record<string, unknown>, name: string): Promise<any> {
  const id = await startInstance('tweet-review', { variables });
  replay.add(id, name);
  return waitFor(id);
}

test('a custom job type runs on the queue named after it, with the Camunda job shape', async () => {
  // given the worker serving publish-tweet on queue "publish-tweet"
  // when a tweet is written
  const done = await tweet({ text: 'hello', channel: 'waymark' }, 'tweet-review-published');
  // then the worker published it with the job's headers and element id
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Task_Publish', 'EndEvent_Published']);
  expect(done.variables).toEqual({
    text: 'hello',
    channel: 'waymark',
    tweetId: 't-hello',
    postedTo: 'waymark',
    elementId: 'Task_Publish',
    retriesLeft: 2,
  });
  const job = jobs.find((j) => j.processInstanceKey === done.instanceId);
  expect(job).toEqual(
    expect.objectContaining({
      type: 'publish-tweet',
      bpmnProcessId: 'tweet-review',
      flowElementInstanceId: `${done.instanceId}/Task_Publish/1`,
      elementName: 'Publish on Twitter',
      attempt: 1,
    }),
  );
  expect(await scheduledActivities(done.instanceId)).toEqual([['publish-tweet', 'publish-tweet']]);
});

test('a handler failure is retried by the task retries; retriesLeft counts down', async () => {
  const done = await tweet({ text: 'again', flaky: true }, 'tweet-review-retried');
  expect(done.status).toBe('COMPLETED');
  const seen = jobs.filter((j) => j.processInstanceKey === done.instanceId);
  expect(seen.map((j) => [j.attempt, j.retriesLeft])).toEqual([
    [1, 2],
    [2, 1],
  ]);
  expect(done.variables.retriesLeft).toBe(1);
});

test('a thrown BpmnError reaches the error boundary event', async () => {
  const done = await tweet({ text: 'duplicate' }, 'tweet-review-duplicate');
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Error_Duplicate',
    'Task_Reject',
    'EndEvent_Rejected',
  ]);
  expect(done.variables).toEqual({ text: 'duplicate', rejected: 'rejected: duplicate' });
  expect(await scheduledActivities(done.instanceId)).toEqual([
    ['publish-tweet', 'publish-tweet'],
    ['send-rejection', 'send-rejection'],
  ]);
});

test('a returned { bpmnError } reaches the error boundary event too', async () => {
  const done = await tweet({ text: 'returned duplicate' }, 'tweet-review-returned-error');
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Error_Duplicate',
    'Task_Reject',
    'EndEvent_Rejected',
  ]);
});

const task = (id: string, type: string, header = '') =>
  `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" />${header}</bpmn:extensionElements></bpmn:serviceTask>`;
const routing = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="job-queue-routing" isExecutable="true">
    <bpmn:startEvent id="Start" />
    ${task('Task_Builtin', 'noop')}
    ${task('Task_Mapped', 'mapped-job')}
    ${task('Task_Header', 'mapped-job', '<zeebe:taskHeaders><zeebe:header key="taskQueue" value="jobs-header-queue" /></zeebe:taskHeaders>')}
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_Builtin" />
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Builtin" targetRef="Task_Mapped" />
    <bpmn:sequenceFlow id="f3" sourceRef="Task_Mapped" targetRef="Task_Header" />
    <bpmn:sequenceFlow id="f4" sourceRef="Task_Header" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

test('a taskQueue header beats the configured map, which beats the type; built-ins stay home', async () => {
  // given WAYMARK_TASK_QUEUES maps mapped-job to jobs-mapped-queue (test/support/global-setup.ts)
  const deployed = await call('POST', '/definitions?deploy=true', routing, {
    'content-type': 'application/xml',
  });
  expect(deployed.status).toBe(201);
  const served = await createTaskWorker(
    { 'mapped-job': ({ elementId, variables }) => ({ [elementId]: variables.step ?? 'ran' }) },
    { taskQueues: { 'mapped-job': 'jobs-mapped-queue' } },
  );
  const header = await createTaskWorker(
    { 'mapped-job': ({ elementId }) => ({ [elementId]: 'header queue' }) },
    { taskQueue: 'jobs-header-queue' },
  );
  expect(served.queues).toEqual({ 'mapped-job': 'jobs-mapped-queue' });
  const polling = Promise.all([served.run(), header.run()]);
  try {
    const id = await startInstance('job-queue-routing', { variables: {} });
    replay.add(id, 'job-queue-routing');
    const done = await waitFor(id);
    expect(done.status).toBe('COMPLETED');
    expect(done.variables).toEqual({ Task_Mapped: 'ran', Task_Header: 'header queue' });
    // The built-in noop runs as a local activity in the workflow's own worker (revision 5).
    expect(await scheduledActivities(id)).toEqual([
      ['mapped-job', 'jobs-mapped-queue'],
      ['mapped-job', 'jobs-header-queue'],
    ]);
  } finally {
    await Promise.all([served.shutdown(), header.shutdown()]);
    await polling;
  }
});
