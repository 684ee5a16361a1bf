/**
 * What the Temporal Web UI shows of an instance, read from the real server the way the UI reads
 * it: the workflow type is the definition key, the static summary names definition, version and
 * business key, activities and timers carry the element name as their summary, current details
 * list the active elements, and the search attributes flag where an instance waits — set at
 * start, so a timer or a service task costs the history events a hand-written workflow pays.
 */
import { Client, Connection } from '@temporalio/client';
import { WaymarkActiveElements, WaymarkIncident } from '../../src/temporal/search-attributes';
import {
  call,
  completeUserTask,
  deployFixture,
  deployXml,
  fixture,
  startInstance,
  waitFor,
} from '../support/api';
import { historyChain, ReplayCheck } from '../support/histories';
import { visibleCount } from '../support/visibility';

const replay = new ReplayCheck();
let connection: Connection;
let client: Client;

beforeAll(async () => {
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  client = new Client({ connection });
});
afterAll(async () => {
  await connection.close();
  expect(await replay.replayAll()).toEqual([]);
}, 120_000);

type HistoryEvent = NonNullable<
  Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>['events']
>[number];

/** The `summary` (user metadata, JSON payload) of the first history event that `is`. */
async function summaryOf(
  workflowId: string,
  is: (e: HistoryEvent) => boolean,
): Promise<string | undefined> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const event = history.events?.find(is);
  expect(event).toBeDefined();
  const data = event?.userMetadata?.summary?.data;
  return data ? (JSON.parse(Buffer.from(data).toString('utf8')) as string) : undefined;
}

test('type, static summary and the activity summary name the definition and the element', async () => {
  const id = await replay.runFixture('service-task-noop', {}, 'inspection-service-task');
  await waitFor(id);
  const handle = client.workflow.getHandle(id);
  const described = await handle.describe();
  expect(described.type).toBe('service-task-noop');
  expect(await described.staticSummary()).toMatch(/^Service task noop v\d+$/);
  // A built-in task runs as a local activity (driver revision 5): its marker carries the summary.
  expect(await summaryOf(id, (e) => !!e.markerRecordedEventAttributes)).toBe('Do nothing');
});

test('a timer carries the element name as its summary', async () => {
  const id = await replay.runFixture('timer-catch-duration', {}, 'inspection-timer');
  await waitFor(id);
  expect(await summaryOf(id, (e) => !!e.timerStartedEventAttributes)).toBe('Wait 1 second');
});

test('while waiting: business key in the summary, current details and WaymarkActiveElements', async () => {
  const businessKey = `inspect-${Date.now()}`;
  await deployFixture('user-task');
  const id = await startInstance('user-task', { businessKey });
  replay.add(id, 'inspection-user-task');
  await waitFor(id, (i) => i.userTasks?.length === 1);
  const handle = client.workflow.getHandle(id);
  expect(id).toBe(`user-task:${businessKey}`);
  expect(await (await handle.describe()).staticSummary()).toMatch(
    new RegExp(`^User task v\\d+ · ${businessKey}$`),
  );
  const metadata = (await handle.query('__temporal_workflow_metadata')) as {
    currentDetails?: string;
  };
  expect(metadata.currentDetails).toContain('Approve order (`UserTask_Approve`');
  expect(
    await visibleCount(`WorkflowId = '${id}' AND WaymarkActiveElements = 'UserTask_Approve'`),
  ).toBe(1);
  await completeUserTask(id, 'UserTask_Approve', {});
  expect((await waitFor(id)).status).toBe('COMPLETED');
});

/** The events of one workflow task that schedules the next step (or completes). */
const WFT = ['WORKFLOW_TASK_SCHEDULED', 'WORKFLOW_TASK_STARTED', 'WORKFLOW_TASK_COMPLETED'];

test('a timer costs what a hand-written sleep does: 10 events, no search-attribute upsert', async () => {
  const id = await replay.runFixture('timer-catch-duration', {}, 'inspection-timer-events');
  await waitFor(id, (i) => i.activeElements?.some((a: any) => a.elementId === 'Timer_Wait'));
  // While it waits the timer is in the current details (and a started timer), not in the list.
  const handle = client.workflow.getHandle(id);
  const metadata = (await handle.query('__temporal_workflow_metadata')) as {
    currentDetails?: string;
  };
  expect(metadata.currentDetails).toContain('Wait 1 second (`Timer_Wait`');
  const attributes = (await handle.describe()).typedSearchAttributes;
  expect(attributes.get(WaymarkActiveElements)).toEqual([]);
  expect(attributes.get(WaymarkIncident)).toBe(false);
  expect((await waitFor(id)).status).toBe('COMPLETED');
  expect(await historyChain(id)).toEqual([
    [
      'WORKFLOW_EXECUTION_STARTED',
      ...WFT,
      'TIMER_STARTED',
      'TIMER_FIRED',
      ...WFT,
      'WORKFLOW_EXECUTION_COMPLETED',
    ],
  ]);
});

test('a service task costs what a hand-written activity call does: 5 + 6 events, no upsert', async () => {
  // With the remote header (or WAYMARK_BUILTIN_ACTIVITY_MODE=remote) a regular activity.
  const xml = fixture('service-task-noop')
    .replace('id="service-task-noop"', 'id="service-task-noop-remote"')
    .replace(
      '<zeebe:taskDefinition type="noop" />',
      '<zeebe:taskDefinition type="noop" /><zeebe:taskHeaders><zeebe:header key="waymark.activityMode" value="remote" /></zeebe:taskHeaders>',
    );
  await deployXml(xml);
  const id = await startInstance('service-task-noop-remote');
  replay.add(id, 'inspection-service-task-events');
  expect((await waitFor(id)).status).toBe('COMPLETED');
  expect(await historyChain(id)).toEqual([
    [
      'WORKFLOW_EXECUTION_STARTED',
      ...WFT,
      'ACTIVITY_TASK_SCHEDULED',
      'ACTIVITY_TASK_STARTED',
      'ACTIVITY_TASK_COMPLETED',
      ...WFT,
      'WORKFLOW_EXECUTION_COMPLETED',
    ],
  ]);
  // Started with the attributes: visibility knows it never waited and had no incident.
  expect(await visibleCount(`WorkflowId = '${id}' AND WaymarkIncident = false`)).toBe(1);
});

test('a built-in task as a local activity: one workflow task and a marker, 6 events', async () => {
  const id = await replay.runFixture('service-task-noop', {}, 'inspection-local-task-events');
  expect((await waitFor(id)).status).toBe('COMPLETED');
  expect(await historyChain(id)).toEqual([
    ['WORKFLOW_EXECUTION_STARTED', ...WFT, 'MARKER_RECORDED', 'WORKFLOW_EXECUTION_COMPLETED'],
  ]);
});

test('an incident is still published: WaymarkIncident and the element parked at it', async () => {
  const id = await replay.runFixture('service-task-incident', { keep: 1 }, 'inspection-incident');
  await waitFor(id, (i) => i.incidents?.length === 1);
  expect(
    await visibleCount(
      `WorkflowId = '${id}' AND WaymarkIncident = true AND WaymarkActiveElements = 'Task_Fail'`,
    ),
  ).toBe(1);
  expect((await call('POST', `/instances/${encodeURIComponent(id)}/cancel`)).status).toBe(202);
  await waitFor(id);
});
