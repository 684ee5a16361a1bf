/**
 * Custom activities with callbacks, end to end: a real HTTP service in the test receives the
 * request, acknowledges it and calls back on the signed URLs through the real API. Covers the
 * payload, merging, idempotent repeats, 401/404/409, the incident path (message in the
 * instance and the WaymarkIncident search attribute; retry re-sends the request), a callback
 * made before the acknowledgement, the error boundary, a boundary timer bounding the wait, a
 * failed delivery (the worker killed while an instance waits: callbacks-worker-kill.test.ts).
 */
import { callbackSecret, signCallbackToken } from '../../src/callbacks/signing';
import { apiUrl, getInstance, trailIds, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';
import { visibleCount } from '../support/visibility';
import { post, useCallbackService } from './support/callback-service';

const replay = new ReplayCheck();
const service = useCallbackService(replay);
const { received, failing, earlyAnswers } = service;

const requestFor = (instanceId: string, count = 1) => service.requestFor(instanceId, count);

const run = (fixture: string, variables: Record<string, unknown> = {}, name = fixture) =>
  replay.runFixture(fixture, variables, name);

const order = { id: 7, quantity: 2 };

test('the service gets exactly the four fields; its callback merges data once (200 twice), then 409', async () => {
  // given an instance at the callback task
  const id = await run(
    'callback-task',
    { serviceUrl: `${service.url}/ack`, serviceToken: 'svc-token', order },
    'callback-task',
  );
  // then the service receives exactly the four fields, data = the input-mapped variables
  const req = await requestFor(id);
  expect(Object.keys(req.body).sort()).toEqual([
    'data',
    'errorResponsePath',
    'flowElementInstanceId',
    'responsePath',
  ]);
  expect(req.body.flowElementInstanceId).toBe(`${id}/Task_Reserve/1`);
  expect(req.body.data).toEqual({ orderId: 7, quantity: 2 });
  expect(req.body.responsePath.startsWith(`${apiUrl()}/callbacks/`)).toBe(true);
  expect(req.body.errorResponsePath.startsWith(`${apiUrl()}/callbacks/`)).toBe(true);
  expect(req.headers.authorization).toBe('Bearer svc-token');

  // and the instance waits at the task
  const waiting = await waitFor(id, (i) =>
    i.activeElements.some((a: any) => a.elementId === 'Task_Reserve'),
  );
  expect(waiting.status).toBe('RUNNING');

  // a forged signature → 401, and no API key is asked for
  const token: string = req.body.responsePath.split('/').slice(-2, -1)[0];
  const sig = token.split('.').pop() as string;
  const forged = `${apiUrl()}/callbacks/${token.slice(0, -sig.length)}${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}/success`;
  expect(
    (await post(forged, { flowElementInstanceId: req.body.flowElementInstanceId })).status,
  ).toBe(401);
  expect(
    (await post(`${apiUrl()}/callbacks/x/success`, { flowElementInstanceId: 'x' })).status,
  ).toBe(401);
  // a valid URL used for another element instance → 401
  expect(
    (await post(req.body.responsePath, { flowElementInstanceId: `${id}/Task_Other/1` })).status,
  ).toBe(401);

  // when the service calls back
  const callback = {
    flowElementInstanceId: req.body.flowElementInstanceId,
    data: { reservationId: 'R-7', order: { id: 7, quantity: 3 } },
  };
  const first = await post(req.body.responsePath, callback);
  expect(first).toEqual({
    status: 200,
    body: {
      instanceId: id,
      flowElementInstanceId: callback.flowElementInstanceId,
      duplicate: false,
    },
  });
  // then the instance goes on with the merged variables
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables).toEqual({
    serviceUrl: `${service.url}/ack`,
    serviceToken: 'svc-token',
    order: { id: 7, quantity: 3 },
    reservationId: 'R-7',
  });
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Task_Reserve', 'EndEvent_1']);

  // the same callback again → 200 and nothing changes; another outcome → 409
  const again = await post(req.body.responsePath, callback);
  expect(again.status).toBe(200);
  expect(again.body.duplicate).toBe(true);
  const other = await post(req.body.errorResponsePath, {
    flowElementInstanceId: callback.flowElementInstanceId,
    errorMessage: 'changed my mind',
  });
  expect(other.status).toBe(409);
  expect((await waitFor(id)).variables.reservationId).toBe('R-7');
});

test('unknown element instances and instances → 404', async () => {
  const secret = callbackSecret({ dataDir: process.env.WAYMARK_TEST_DATA_DIR as string });
  const id = await run(
    'callback-task',
    { serviceUrl: `${service.url}/ack`, serviceToken: 't', order },
    'callback-task-unknown',
  );
  await requestFor(id);
  for (const feiId of [`${id}/Task_Nope/1`, `${id}/Task_Reserve/2`, 'nobody:1/Task_Reserve/1']) {
    const token = signCallbackToken(secret, {
      flowElementInstanceId: feiId,
      attempt: 1,
      firstRunId: (await getInstance(id)).runId,
      expiresAt: Math.ceil(Date.now() / 1000) + 600,
    });
    const res = await post(`${apiUrl()}/callbacks/${token}/success`, { data: {} });
    expect({ feiId, status: res.status }).toEqual({ feiId, status: 404 });
  }
  const req = await requestFor(id);
  expect((await post(req.body.responsePath, { data: { ok: true } })).status).toBe(200);
  expect((await waitFor(id)).status).toBe('COMPLETED');
});

test('an error callback is an incident with its message; retrying it re-sends the request', async () => {
  // given an instance at the callback task
  const id = await run(
    'callback-task',
    { serviceUrl: `${service.url}/ack`, serviceToken: 't', order },
    'callback-task-incident',
  );
  const req = await requestFor(id);
  const fei = req.body.flowElementInstanceId;
  // when the service reports an error (twice: the repeat is a no-op)
  const error = { flowElementInstanceId: fei, errorMessage: 'out of stock' };
  expect((await post(req.body.errorResponsePath, error)).status).toBe(200);
  expect((await post(req.body.errorResponsePath, error)).status).toBe(200);
  // then an incident carries the message and the instance keeps running
  const parked = await waitFor(id, (i) => i.incidents?.length === 1);
  expect(parked.status).toBe('RUNNING');
  expect(parked.incidents[0]).toEqual(
    expect.objectContaining({
      elementId: 'Task_Reserve',
      flowElementInstanceId: fei,
      kind: 'callback',
      message: 'out of stock',
    }),
  );
  // a different outcome after the first → 409
  expect((await post(req.body.responsePath, { flowElementInstanceId: fei, data: {} })).status).toBe(
    409,
  );
  // and Temporal flags the incident for search
  expect(await visibleCount(`WorkflowId = '${id}' AND WaymarkIncident = true`)).toBe(1);

  // when the incident is retried
  const retry = await post(
    `${apiUrl()}/instances/${encodeURIComponent(id)}/incidents/${encodeURIComponent(parked.incidents[0].id)}/retry`,
    {},
  );
  expect(retry.status).toBe(200);
  // then the request is sent again, with new callback URLs for the same element instance
  const resent = await requestFor(id, 2);
  expect(resent.body.flowElementInstanceId).toBe(fei);
  expect(resent.body.responsePath).not.toBe(req.body.responsePath);
  // the old URLs answer repeats as before and refuse anything new
  expect((await post(req.body.errorResponsePath, error)).status).toBe(200);
  expect((await post(req.body.responsePath, { data: { stale: true } })).status).toBe(409);
  // and the new callback completes the task
  expect(
    (
      await post(resent.body.responsePath, {
        flowElementInstanceId: fei,
        data: { restocked: true },
      })
    ).status,
  ).toBe(200);
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.incidents).toEqual([]);
  expect(done.variables.restocked).toBe(true);
  expect(done.variables.stale).toBeUndefined();
});

test('a callback made before the acknowledgement is not lost', async () => {
  const id = await run(
    'callback-task',
    { serviceUrl: `${service.url}/early`, serviceToken: 't', order },
    'callback-task-early',
  );
  await requestFor(id);
  const done = await waitFor(id, undefined, 60_000);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables.early).toBe(true);
  expect(earlyAnswers).toContain(200);
});

test('an error boundary on the node takes the error path with errorMessage', async () => {
  const id = await run(
    'callback-boundaries',
    { serviceUrl: `${service.url}/ack`, waitFor: 'PT10M' },
    'callback-boundaries-error',
  );
  const req = await requestFor(id);
  // no input mappings: every visible variable is sent
  expect(req.body.data).toEqual({ serviceUrl: `${service.url}/ack`, waitFor: 'PT10M' });
  await waitFor(id, (i) => i.activeElements.some((a: any) => a.elementId === 'Task_Charge'));
  const res = await post(req.body.errorResponsePath, {
    flowElementInstanceId: req.body.flowElementInstanceId,
    errorMessage: 'card declined',
  });
  expect(res.status).toBe(200);
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Error_Failed', 'EndEvent_Failed']);
  expect(done.variables.errorMessage).toBe('card declined');
  expect(done.incidents).toEqual([]);
});

test('a boundary timer bounds the wait; a later callback → 409', async () => {
  const id = await run(
    'callback-boundaries',
    { serviceUrl: `${service.url}/ack`, waitFor: 'PT2S' },
    'callback-boundaries-timer',
  );
  const req = await requestFor(id);
  const done = await waitFor(id, undefined, 60_000);
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual(['StartEvent_1', 'Timer_Timeout', 'EndEvent_TimedOut']);
  const late = await post(req.body.responsePath, {
    flowElementInstanceId: req.body.flowElementInstanceId,
    data: { late: true },
  });
  expect(late.status).toBe(409);
});

test('a failed delivery is retried, then an incident; retrying it re-sends', async () => {
  failing.add('flaky');
  const id = await run(
    'callback-task',
    { serviceUrl: `${service.url}/flaky`, serviceToken: 't', order },
    'callback-task-delivery-failure',
  );
  // retries="2": two attempts, then an incident
  const parked = await waitFor(id, (i) => i.incidents?.length === 1, 60_000);
  expect(parked.incidents[0]).toEqual(
    expect.objectContaining({ kind: 'task', message: expect.stringContaining('HTTP 500') }),
  );
  expect(received.filter((r) => r.body.flowElementInstanceId.startsWith(`${id}/`))).toHaveLength(2);
  failing.delete('flaky');
  const retry = await post(
    `${apiUrl()}/instances/${encodeURIComponent(id)}/incidents/${encodeURIComponent(parked.incidents[0].id)}/retry`,
    {},
  );
  expect(retry.status).toBe(200);
  const req = await requestFor(id, 3);
  expect((await post(req.body.responsePath, { data: { delivered: true } })).status).toBe(200);
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables.delivered).toBe(true);
});
