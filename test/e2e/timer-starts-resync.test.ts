/**
 * Timer start schedules resynced when an API process starts (src/api/schedules/resync.ts): a
 * schedule Temporal lost is made again from the registry, and a `waymark-timer:` schedule no
 * definition wants is deleted. A second API process is started in-process on the stack's
 * registry (SQLite, as the stack runs it in `npm test`) and the shared dev server.
 */
import { Client, Connection, ScheduleNotFoundError } from '@temporalio/client';
import { startApi, type RunningApi } from '../../src/api/main';
import { loadConfig } from '../../src/config';
import { call } from '../support/api';

const timerModel = (key: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="Start_Timer"><bpmn:outgoing>f1</bpmn:outgoing>
      <bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
    <bpmn:endEvent id="End"><bpmn:incoming>f1</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start_Timer" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

let connection: Connection;
let client: Client;
let second: RunningApi | undefined;
beforeAll(async () => {
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  client = new Client({ connection });
});
afterAll(async () => {
  await second?.close();
  await connection.close();
});

async function exists(scheduleId: string): Promise<boolean> {
  try {
    await client.schedule.getHandle(scheduleId).describe();
    return true;
  } catch (err) {
    if (err instanceof ScheduleNotFoundError) return false;
    throw err;
  }
}

const describeIf = process.env.WAYMARK_TEST_STORE === 'postgres' ? describe.skip : describe;

describeIf('timer start schedules at API start', () => {
  test('a lost schedule is made again and an orphan is deleted', async () => {
    // given a deployed timer start whose schedule Temporal then lost
    const key = 'timer-start-resync';
    const id = `waymark-timer:${key}:Start_Timer`;
    const res = await call('POST', '/definitions?deploy=true', timerModel(key), {
      'content-type': 'application/xml',
    });
    expect(res.status).toBe(201);
    expect(await exists(id)).toBe(true);
    await client.schedule.getHandle(id).delete();
    // and a timer schedule of a definition the registry does not have
    const orphan = 'waymark-timer:no-such-definition:Start_Timer';
    await client.schedule.create({
      scheduleId: orphan,
      spec: { intervals: [{ every: '1h' }] },
      action: { type: 'startWorkflow', workflowType: 'nothing', taskQueue: 'nowhere', args: [] },
      state: { paused: true },
    });
    // when another API process starts on the same registry
    const config = loadConfig({
      TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS,
      WAYMARK_DATA_DIR: process.env.WAYMARK_TEST_DATA_DIR,
      WAYMARK_TASK_QUEUE: process.env.WAYMARK_TASK_QUEUE,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
    });
    second = await startApi(config, { defaultMetrics: false });
    // then the lost schedule is back, pointing at version 1, and the orphan is gone
    expect(await exists(id)).toBe(true);
    const made = await client.schedule.getHandle(id).describe();
    expect((made.action.args?.[0] as any).definition.version).toBe(1);
    expect((made.action.args?.[0] as any).startAt).toBe('Start_Timer');
    expect(await exists(orphan)).toBe(false);
    // and deleting the definition through the API still removes its schedule
    expect((await call('DELETE', `/definitions/${key}`)).status).toBe(204);
    expect(await exists(id)).toBe(false);
  });
});
