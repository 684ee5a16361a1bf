/**
 * Callback URLs bound to their run (issue 16, defect 1), on the real stack: a business key
 * reused after its run closed produces the same element-instance ids, and the old run's
 * `responsePath` must not complete the new run's task (401, the URL belongs to an earlier
 * run); tokens expire; during a key rotation a URL signed with the previous key
 * (`WAYMARK_PREVIOUS_SECRET`, set by the global setup) still works, one signed with an unknown
 * key does not.
 */
import { callbackSecret, keyId, signCallbackToken } from '../../src/callbacks/signing';
import { apiUrl, getInstance, startInstance, trailIds, waitAt, waitFor } from '../support/api';
import { TEST_PREVIOUS_SECRET } from '../support/global-setup';
import { ReplayCheck } from '../support/histories';
import { post, useCallbackService } from './support/callback-service';

const replay = new ReplayCheck();
const service = useCallbackService(replay);
const order = { id: 9, quantity: 1 };

async function startAtTask(businessKey: string): Promise<string> {
  const id = await startInstance('callback-task', {
    businessKey,
    variables: { serviceUrl: `${service.url}/ack`, serviceToken: 't', order },
  });
  replay.add(id, `security-callbacks-${businessKey}`);
  await waitAt(id, 'Task_Reserve');
  return id;
}

beforeAll(async () => {
  await replay.runFixture('callback-task', {
    serviceUrl: `${service.url}/ack`,
    serviceToken: 't',
    order,
  });
});

test('an old run’s responsePath does not complete a new run with the same business key: 401', async () => {
  // given a run that completed through its callback URL
  const key = `reuse-${Date.now()}`;
  const first = await startAtTask(key);
  const oldReq = await service.requestFor(first);
  const firstRunId = (await getInstance(first)).runId;
  expect((await post(oldReq.body.responsePath, { data: { by: 'first' } })).status).toBe(200);
  expect((await waitFor(first)).status).toBe('COMPLETED');

  // when the business key is reused: same workflow id, same flowElementInstanceId, new run
  const second = await startAtTask(key);
  expect(second).toBe(first);
  const newReq = await service.requestFor(second, 2);
  expect(newReq.body.flowElementInstanceId).toBe(oldReq.body.flowElementInstanceId);
  expect((await getInstance(second)).runId).not.toBe(firstRunId);

  // then the old URL is refused and changes nothing
  const stale = await post(oldReq.body.responsePath, {
    flowElementInstanceId: oldReq.body.flowElementInstanceId,
    data: { by: 'stale' },
  });
  expect(stale.status).toBe(401);
  expect(stale.body.detail).toContain('earlier run');
  const errorStale = await post(oldReq.body.errorResponsePath, { errorMessage: 'stale' });
  expect(errorStale.status).toBe(401);
  const still = await getInstance(second);
  expect(still.status).toBe('RUNNING');
  expect(still.incidents).toEqual([]);
  expect(still.activeElements.map((a: any) => a.elementId)).toEqual(['Task_Reserve']);

  // and the new run's own URL completes it
  const ok = await post(newReq.body.responsePath, { data: { by: 'second' } });
  expect(ok).toEqual({
    status: 200,
    body: {
      instanceId: second,
      flowElementInstanceId: newReq.body.flowElementInstanceId,
      duplicate: false,
    },
  });
  const done = await waitFor(second);
  expect(done.variables.by).toBe('second');
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Task_Reserve', 'EndEvent_1']);
});

test('key rotation: a URL signed with the previous key works, an unknown key and an expired URL get 401', async () => {
  // given an instance waiting at its callback task
  const id = await startAtTask(`rotate-${Date.now()}`);
  const req = await service.requestFor(id);
  const claims = {
    flowElementInstanceId: req.body.flowElementInstanceId,
    attempt: 1,
    firstRunId: (await getInstance(id)).runId,
    expiresAt: Math.ceil(Date.now() / 1000) + 600,
  };
  const current = callbackSecret({ dataDir: process.env.WAYMARK_TEST_DATA_DIR as string });
  // the URLs the worker hands out are signed with the current key, and say which
  const issued = req.body.responsePath.split('/').slice(-2, -1)[0].split('.');
  expect(issued[0]).toBe('w2');
  expect(issued[1]).toBe(keyId(current));
  const url = (secret: string, c = claims) =>
    `${apiUrl()}/callbacks/${signCallbackToken(secret, c)}/success`;

  // an unknown key, and an expired URL of the current key → 401, nothing applied
  const unknown = await post(url('never-configured-key-0123456789'), { data: { x: 1 } });
  expect(unknown.status).toBe(401);
  const expired = await post(url(current, { ...claims, expiresAt: claims.expiresAt - 3600 }), {
    data: { x: 1 },
  });
  expect(expired).toEqual({
    status: 401,
    body: expect.objectContaining({ detail: 'this callback URL has expired' }),
  });
  expect((await getInstance(id)).status).toBe('RUNNING');

  // the previous key (still configured) is accepted
  const rotated = await post(url(TEST_PREVIOUS_SECRET), { data: { rotated: true } });
  expect(rotated.status).toBe(200);
  expect(rotated.body.duplicate).toBe(false);
  expect((await waitFor(id)).variables.rotated).toBe(true);
});
