/**
 * A custom activity survives its worker: the instance waits for its callback on a worker and
 * API of the test's own (real processes, test/e2e/support/own-stack.ts), the worker is killed
 * with SIGKILL and started again, and the later callback still completes the node.
 */
import { fixture } from '../support/api';
import { ReplayCheck } from '../support/histories';
import { post, useCallbackService } from './support/callback-service';
import { OwnStack } from './support/own-stack';

const replay = new ReplayCheck();
const service = useCallbackService(replay);
const order = { id: 7, quantity: 2 };

const requestFor = (instanceId: string) => service.requestFor(instanceId);

describe('a worker killed while the instance waits for its callback', () => {
  const stack = new OwnStack('cb-kill');
  let ownApi: string;

  beforeAll(async () => {
    await stack.start();
    ownApi = stack.url;
  }, 300_000);

  afterAll(async () => {
    await stack.stop();
  }, 60_000);

  test('the later callback still completes the node after a restart', async () => {
    // given an instance on our own worker, waiting for its callback
    const deployed = await fetch(`${ownApi}/definitions?deploy=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: fixture('callback-task'),
    });
    expect([200, 201]).toContain(deployed.status);
    const started = await post(`${ownApi}/definitions/callback-task/instances`, {
      variables: { serviceUrl: `${service.url}/ack`, serviceToken: 't', order },
    });
    expect(started.status).toBe(201);
    const id: string = started.body.instanceId;
    replay.add(id, 'callback-task-worker-kill');
    const req = await requestFor(id);
    expect(req.body.responsePath.startsWith(`${ownApi}/callbacks/`)).toBe(true);
    const instance = async (): Promise<any> =>
      (await fetch(`${ownApi}/instances/${encodeURIComponent(id)}`)).json();
    const deadline = Date.now() + 60_000;
    while (!(await instance()).activeElements?.some((a: any) => a.elementId === 'Task_Reserve')) {
      if (Date.now() > deadline) throw new Error('instance never waited at Task_Reserve');
      await new Promise((r) => setTimeout(r, 200));
    }
    // give the ack's workflow task time to be recorded before the kill
    await new Promise((r) => setTimeout(r, 1000));

    // when the worker is killed and started again
    await stack.killAndRestartWorker();

    // then the callback still completes the node
    const res = await post(req.body.responsePath, {
      flowElementInstanceId: req.body.flowElementInstanceId,
      data: { reservationId: 'R-kill' },
    });
    expect(res.status).toBe(200);
    const finish = Date.now() + 60_000;
    let last: any;
    while (Date.now() < finish) {
      last = await instance();
      if (last.status === 'COMPLETED') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(last.status).toBe('COMPLETED');
    expect(last.variables.reservationId).toBe('R-kill');
  }, 300_000);
});
