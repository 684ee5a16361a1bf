/**
 * Two worker builds side by side (Worker Deployment versioning, src/worker/deployment.ts): build
 * A is current and an instance starts on it and waits at a user task; build B is deployed and
 * made current. A new instance runs on B, the waiting one stays pinned to A — its remaining
 * workflow and activity tasks run there, never on B — and completes when its task is done.
 * A still polls meanwhile, yet runs nothing of B's instance. Which build ran each
 * workflow task is read from Temporal: the instance's versioning info and every
 * WorkflowTaskCompleted event of its history.
 */
import type { ChildProcess } from 'node:child_process';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { ReplayCheck } from '../support/histories';
import { OwnStack } from './support/own-stack';
import { startWorkerProcess, stopWorkerProcess } from './support/worker-process';

const deploymentName = `waymark-versioning-${process.pid}`;
const build = (buildId: string) => ({
  WAYMARK_WORKER_DEPLOYMENT: deploymentName,
  WAYMARK_WORKER_BUILD_ID: buildId,
});
const replay = new ReplayCheck();
// OwnStack's worker is build A; build B is a second process on the same queue and registry.
const stack = new OwnStack('versioning', build('build-a'));
let workerB: ChildProcess | undefined;
let connection: Connection;
let client: Client;

const model = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="versioned-approval" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Task_Approve"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:serviceTask id="Task_Record">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="noop" />
        <zeebe:taskHeaders><zeebe:header key="waymark.activityMode" value="remote" /></zeebe:taskHeaders>
      </bpmn:extensionElements>
      <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="StartEvent_1" targetRef="Task_Approve" />
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Approve" targetRef="Task_Record" />
    <bpmn:sequenceFlow id="f3" sourceRef="Task_Record" targetRef="EndEvent_1" />
  </bpmn:process>
</bpmn:definitions>`;

beforeAll(async () => {
  await stack.start();
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  client = new Client({ connection });
}, 300_000);

afterAll(async () => {
  await stopWorkerProcess(workerB);
  await stack.stop();
  await connection?.close();
  expect(await replay.replayAll()).toEqual([]);
}, 120_000);

async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const v = await get().catch((err: Error) => err as unknown as T);
    if (!(v instanceof Error) && ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: last ${String(v)} ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/**
 * What `temporal worker deployment set-current-version` does; retried until the build's
 * pollers have registered it, then until matching routes the queue's new work to it.
 */
async function makeCurrent(buildId: string): Promise<void> {
  await until(
    `set ${buildId} current`,
    () =>
      connection.workflowService.setWorkerDeploymentCurrentVersion({
        namespace: 'default',
        deploymentName,
        buildId,
        identity: 'worker-versioning.test',
      }),
    () => true,
  );
  await until(
    `queue routes to ${buildId}`,
    () =>
      connection.workflowService.describeTaskQueue({
        namespace: 'default',
        taskQueue: {
          name: stack.queue,
          kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL,
        },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      }),
    (d) => d.versioningInfo?.currentDeploymentVersion?.buildId === buildId,
  );
}

async function startInstance(recordAs: string): Promise<string> {
  const res = await stack.call('POST', '/definitions/versioned-approval/instances', {
    variables: {},
  });
  expect(res.status).toBe(201);
  replay.add(res.body.instanceId, recordAs);
  return res.body.instanceId as string;
}

const instance = (id: string) => stack.call('GET', `/instances/${encodeURIComponent(id)}`);

async function completeTask(id: string): Promise<void> {
  const waiting = await until(
    'the user task',
    () => instance(id),
    (r) => r.body?.userTasks?.length,
  );
  const taskId = encodeURIComponent(waiting.body.userTasks[0].flowElementInstanceId);
  const done = await stack.call('POST', `/user-tasks/${taskId}/complete`, { variables: {} });
  expect(done.status).toBe(200);
}

/** The build the instance is pinned to, and the build of each completed workflow task. */
async function builds(id: string): Promise<{ pinnedTo?: string | null; tasks: string[] }> {
  const handle = client.workflow.getHandle(id);
  const info = (await handle.describe()).raw.workflowExecutionInfo?.versioningInfo;
  const history = await handle.fetchHistory();
  const tasks = (history.events ?? [])
    .map((e) => e.workflowTaskCompletedEventAttributes)
    .filter((a) => !!a)
    .map((a) => a.deploymentVersion?.buildId ?? String(a.workerDeploymentVersion));
  return { pinnedTo: info?.deploymentVersion?.buildId, tasks };
}

test('a new build takes new instances; a running one stays pinned to its build until it ends', async () => {
  // given build A current and an instance started on it, waiting at its user task
  await makeCurrent('build-a');
  const deployed = await stack.call('POST', '/definitions?deploy=true', model);
  expect([200, 201]).toContain(deployed.status);
  const onA = await startInstance('worker-versioning-build-a');
  await until(
    'A at its task',
    () => instance(onA),
    (r) => r.body?.userTasks?.length === 1,
  );

  // when build B is deployed beside A and made current
  workerB = await startWorkerProcess(stack, 'worker-b', build('build-b'));
  await makeCurrent('build-b');

  // then a new instance runs on B
  const onB = await startInstance('worker-versioning-build-b');
  await until(
    'B at its task',
    () => instance(onB),
    (r) => r.body?.userTasks?.length === 1,
  );
  expect(await builds(onB)).toEqual({ pinnedTo: 'build-b', tasks: ['build-b'] });
  expect((await builds(onA)).pinnedTo).toBe('build-a');

  // when A's task is completed, then A runs the rest of its instance (workflow and activity)
  await completeTask(onA);
  const doneA = await until(
    'A completes',
    () => instance(onA),
    (r) => r.body?.status === 'COMPLETED',
  );
  expect(doneA.body.trail.map((t: { elementId: string }) => t.elementId)).toEqual([
    'StartEvent_1',
    'Task_Approve',
    'Task_Record',
    'EndEvent_1',
  ]);
  const a = await builds(onA);
  expect(a.pinnedTo).toBe('build-a');
  expect(a.tasks.length).toBeGreaterThanOrEqual(3);
  expect(new Set(a.tasks)).toEqual(new Set(['build-a']));

  // when B's task is completed, then B ran all of its instance (A, still polling, none of it)
  await completeTask(onB);
  await until(
    'B completes',
    () => instance(onB),
    (r) => r.body?.status === 'COMPLETED',
  );
  const b = await builds(onB);
  expect(b.tasks.length).toBeGreaterThanOrEqual(3);
  expect(new Set(b.tasks)).toEqual(new Set(['build-b']));
}, 400_000);
