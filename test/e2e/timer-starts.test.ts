/**
 * Timer start events as Temporal Schedules, through the API (issue 15): deploying a definition
 * with a timer start cycle creates the schedule `waymark-timer:<key>:<startEventId>` (seen by
 * `temporal schedule list`), which starts instances at the timer start event; deploying
 * version 2 points it at version 2; disabling pauses it, enabling resumes it; a version without
 * the timer start and deleting the definition remove it; a cron the schedule cannot take is a
 * 422 naming the element.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client, Connection, ScheduleNotFoundError } from '@temporalio/client';
import { ensureTemporalCli } from '../../src/temporal/dev-server';
import { call, getInstance, trailIds } from '../support/api';
import { ReplayCheck } from '../support/histories';

const run = promisify(execFile);
const replay = new ReplayCheck();

/** A process started by a timer start event with `timer` (an XML timer element), or none. */
function model(key: string, timer: string | undefined, taskName = 'Work'): string {
  const start = timer
    ? `<bpmn:startEvent id="Start_Timer"><bpmn:outgoing>f1</bpmn:outgoing>
      <bpmn:timerEventDefinition id="Ted_1">${timer}</bpmn:timerEventDefinition></bpmn:startEvent>`
    : `<bpmn:startEvent id="Start_Timer"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${key}" isExecutable="true">
    ${start}
    <bpmn:task id="Task_Work" name="${taskName}"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:task>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start_Timer" targetRef="Task_Work"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Work" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;
}

const cycle = (text: string) =>
  `<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">${text}</bpmn:timeCycle>`;

const deploy = (xml: string) =>
  call('POST', '/definitions?deploy=true', xml, { 'content-type': 'application/xml' });

let connection: Connection;
let client: Client;
beforeAll(async () => {
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  client = new Client({ connection });
});
afterAll(async () => {
  expect(await replay.replayAll()).toEqual([]);
  await connection.close();
}, 120_000);

const describeSchedule = (key: string) =>
  client.schedule.getHandle(`waymark-timer:${key}:Start_Timer`).describe();

async function gone(key: string): Promise<boolean> {
  try {
    await describeSchedule(key);
    return false;
  } catch (err) {
    return err instanceof ScheduleNotFoundError;
  }
}

/** Polls until `done` holds of `get()` or the time is up; returns the last value. */
async function poll<T>(get: () => Promise<T>, done: (v: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last = await get();
  while (!done(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 300));
    last = await get();
  }
  return last;
}

test('a timer start cycle schedules instances; versions replace, disabling pauses, deleting removes it', async () => {
  // given a definition whose timer start fires every two seconds
  const key = 'timer-start-every-2s';
  const res = await deploy(model(key, cycle('R/PT2S')));
  expect(res.status).toBe(201);
  // then its schedule is listed by the Temporal CLI
  const bin = await ensureTemporalCli();
  const listed = await poll(
    async () =>
      (await run(bin, ['schedule', 'list', '--address', process.env.TEMPORAL_ADDRESS as string]))
        .stdout,
    (out) => out.includes(`waymark-timer:${key}:Start_Timer`),
  );
  expect(listed).toContain(`waymark-timer:${key}:Start_Timer`);
  // and it starts instances of version 1 that begin at the timer start event
  const items = await poll(
    async () => (await call('GET', `/instances?definition=${key}`)).body.items as any[],
    (list) => list.length >= 2,
  );
  expect(items.length).toBeGreaterThanOrEqual(2);
  for (const item of items.slice(0, 2)) {
    const instance = await poll(
      () => getInstance(item.instanceId),
      (i) => i.status === 'COMPLETED',
    );
    expect(instance.status).toBe('COMPLETED');
    expect(trailIds(instance)).toEqual(['Start_Timer', 'Task_Work', 'End']);
    replay.add(item.instanceId);
  }
  const v1 = await describeSchedule(key);
  expect(v1.policies.overlap).toBe('ALLOW_ALL');
  expect(v1.action.workflowType).toBe(key);
  expect((v1.action.args?.[0] as any).definition.version).toBe(1);
  expect((v1.action.args?.[0] as any).startAt).toBe('Start_Timer');

  // when version 2 is deployed, the schedule starts version 2
  expect((await deploy(model(key, cycle('R/PT2S'), 'Work v2'))).body.version).toBe(2);
  expect(((await describeSchedule(key)).action.args?.[0] as any).definition.version).toBe(2);

  // when the definition is disabled the schedule pauses; enabled, it resumes
  expect((await call('PATCH', `/definitions/${key}`, { enabled: false })).status).toBe(200);
  expect((await describeSchedule(key)).state.paused).toBe(true);
  expect((await call('PATCH', `/definitions/${key}`, { enabled: true })).status).toBe(200);
  expect((await describeSchedule(key)).state.paused).toBe(false);

  // when it is deleted (paused first, so no instance is running), the schedule goes with it
  await call('PATCH', `/definitions/${key}`, { enabled: false });
  const deleted = await poll(
    async () => (await call('DELETE', `/definitions/${key}`)).status,
    (status) => status !== 409,
  );
  expect(deleted).toBe(204);
  expect(await gone(key)).toBe(true);
}, 90_000);

test('R3 limits the actions; a version without the timer start removes the schedule', async () => {
  // given a timer start that repeats three times an hour apart, from a start date
  const key = 'timer-start-limited';
  const res = await deploy(model(key, cycle('R3/2030-01-01T00:00:00Z/PT1H')));
  expect(res.status).toBe(201);
  const schedule = await describeSchedule(key);
  // then the schedule may take three actions from that date
  expect(schedule.state.remainingActions).toBe(3);
  expect(schedule.spec.startAt?.toISOString()).toBe('2030-01-01T00:00:00.000Z');
  expect(schedule.spec.intervals?.[0]?.every).toBe(3_600_000);
  // when a version with a none start instead is deployed, the schedule is removed
  expect((await deploy(model(key, undefined))).status).toBe(201);
  expect(await gone(key)).toBe(true);
});

test('a Spring cron cycle becomes a calendar with its seconds; a bad cron is a 422 naming the element', async () => {
  // given a timer start at 09:00:30 on weekdays, in Camunda's six-field cron
  const key = 'timer-start-cron';
  expect((await deploy(model(key, cycle('30 0 9 * * MON-FRI')))).status).toBe(201);
  const [calendar] = (await describeSchedule(key)).spec.calendars ?? [];
  expect(calendar.second).toEqual([{ start: 30, end: 30, step: 1 }]);
  expect(calendar.hour).toEqual([{ start: 9, end: 9, step: 1 }]);
  expect(calendar.dayOfWeek).toEqual([{ start: 'MONDAY', end: 'FRIDAY', step: 1 }]);
  await call('DELETE', `/definitions/${key}`);
  // when a cron with a day-of-week out of range is deployed, then a 422 names the start event
  const bad = await deploy(model('timer-start-bad-cron', cycle('0 0 9 * * 8')));
  expect(bad.status).toBe(422);
  expect(bad.body.errors).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ elementId: 'Start_Timer', rule: 'timer-start-schedule' }),
    ]),
  );
});

test('a schedule Temporal refuses leaves no deployed version behind and says so', async () => {
  // given a start event id so long that Temporal refuses its schedule id (over 1,000
  // characters; a key that long is refused by the registry, which stores at most 255)
  const key = 'timer-start-refused';
  const startId = `Start_Timer_${'x'.repeat(1000)}`;
  // when it is deployed
  const res = await deploy(model(key, cycle('R/PT1H')).replaceAll('Start_Timer', startId));
  // then the deploy is a 503 naming the schedule failure, and the registry holds nothing of it
  expect(res.status).toBe(503);
  expect(res.body).toMatchObject({ type: expect.stringContaining('schedule-failed') });
  expect(res.body.detail).toMatch(/Nothing was changed/);
  expect(res.body.detail).toMatch(/Start_Timer_x+: Failed to create schedule/);
  expect((await call('GET', `/definitions/${key}`)).status).toBe(404);
});

test('a duration starts one instance that long after the deploy; a past date one at once', async () => {
  // given a timer start two seconds after the deploy, and one at a date already past
  const later = 'timer-start-duration';
  const past = 'timer-start-past-date';
  const duration = `<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT2S</bpmn:timeDuration>`;
  const date = `<bpmn:timeDate xsi:type="bpmn:tFormalExpression">2020-01-01T00:00:00Z</bpmn:timeDate>`;
  expect((await deploy(model(later, duration))).status).toBe(201);
  expect((await deploy(model(past, date))).status).toBe(201);
  const listed = (key: string) =>
    poll(
      async () => (await call('GET', `/instances?definition=${key}`)).body.items as any[],
      (list) => list.length >= 1,
    );
  // then each starts exactly one instance at its timer start, and its schedule has no more to take
  for (const key of [later, past]) {
    const [item] = await listed(key);
    const instance = await poll(
      () => getInstance(item.instanceId),
      (i) => i.status === 'COMPLETED',
    );
    expect(trailIds(instance)).toEqual(['Start_Timer', 'Task_Work', 'End']);
    expect((await describeSchedule(key)).state.remainingActions).toBe(0);
  }
  await new Promise((r) => setTimeout(r, 2500));
  expect((await call('GET', `/instances?definition=${later}`)).body.items).toHaveLength(1);
  expect((await call('GET', `/instances?definition=${past}`)).body.items).toHaveLength(1);
});
