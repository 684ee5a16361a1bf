/**
 * Instances against a real Temporal server (skipped without TEMPORAL_ADDRESS). The
 * workflows start on a task queue no worker polls, so they stay RUNNING and the routes
 * that only need the server (start, idempotency, duplicate business key, describe, list,
 * count, message, cancel) are exercised for real.
 */
import { randomUUID } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import {
  expectProblem,
  json,
  postXml,
  processXml,
  sendJson,
  startTestApi,
  temporalAddress,
} from './support';
import type { Json, TestApi } from './support';

const describeTemporal = temporalAddress ? describe : describe.skip;

async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 15000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The input an instance was started with (the first event of its history). */
async function startInput(api: TestApi, workflowId: string): Promise<Json> {
  const history = await api.client.workflow.getHandle(workflowId).fetchHistory();
  const payload =
    history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  return defaultPayloadConverter.fromPayload(payload!);
}

describeTemporal('instances API on Temporal', () => {
  let api: TestApi;
  const key = `api-test-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    api = await startTestApi({ env: { WAYMARK_TASK_QUEUE: `no-worker-${key}` }, timeoutMs: 1000 });
    await postXml(api, processXml(key, { name: 'API test' }), '?deploy=true');
  });
  afterAll(async () => {
    await api.close();
  });

  it('starts an instance and describes it', async () => {
    const res = await sendJson(api, 'POST', `/definitions/${key}/instances`, {
      variables: { a: 1 },
    });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body).toMatchObject({
      instanceId: expect.stringMatching(new RegExp(`^${key}:[0-9a-f-]{36}$`)),
      runId: expect.any(String),
      definition: { key, version: 1 },
    });
    expect(body.links.temporalUi).toContain(
      `/namespaces/default/workflows/${encodeURIComponent(body.workflowId)}`,
    );

    const desc = await api.client.workflow.getHandle(body.workflowId).describe();
    expect(desc.type).toBe(key);
    expect(desc.taskQueue).toBe(`no-worker-${key}`);

    const one = await json(fetch(`${api.url}/instances/${body.instanceId}`));
    expect(one).toMatchObject({
      instanceId: body.instanceId,
      status: 'RUNNING',
      definition: { key, version: 1 },
    });
    expect(one.queryError).toEqual(expect.any(String)); // no worker answers the query
  });

  it('reads the deployed version, the enabled flag and the subscriptions on every start', async () => {
    // given v1 deployed and started once (its IR is now cached)
    const k = `${key}-versions`;
    const start = (body: Json = {}) => sendJson(api, 'POST', `/definitions/${k}/instances`, body);
    await postXml(api, processXml(k, { name: 'one' }), '?deploy=true');
    const first = await json(start());
    expect(await startInput(api, first.workflowId)).toMatchObject({
      definition: { version: 1 },
      ir: { name: 'one' },
    });
    expect((await startInput(api, first.workflowId)).notify).toBeUndefined();

    // when v2 is deployed and a webhook subscribed
    await postXml(api, processXml(k, { name: 'two' }), '?deploy=true');
    const hook = await json(
      sendJson(api, 'POST', '/webhooks', { url: 'http://127.0.0.1:9/h', events: ['run.failed'] }),
    );

    // then the next start runs v2 and notifies; v1 by number is still v1
    const second = await json(start());
    expect(second.definition.version).toBe(2);
    expect(await startInput(api, second.workflowId)).toMatchObject({
      definition: { version: 2 },
      ir: { name: 'two' },
      notify: ['run.failed'],
    });
    const named = await json(start({ version: 1 }));
    expect(await startInput(api, named.workflowId)).toMatchObject({
      definition: { version: 1 },
      ir: { name: 'one' },
    });

    // and once the subscription ends, starts no longer notify
    expect((await sendJson(api, 'DELETE', `/webhooks/${hook.id}`)).status).toBe(204);
    expect((await startInput(api, (await json(start())).workflowId)).notify).toBeUndefined();

    // and a disabled definition refuses starts until enabled again
    await sendJson(api, 'PATCH', `/definitions/${k}`, { enabled: false });
    await expectProblem(await start(), 409);
    await sendJson(api, 'PATCH', `/definitions/${k}`, { enabled: true });
    expect((await start()).status).toBe(201);
  });

  it('replays the same response for a repeated Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `k-${randomUUID()}` };
    const [a, b] = await Promise.all([
      sendJson(api, 'POST', `/definitions/${key}/instances`, {}, headers),
      sendJson(api, 'POST', `/definitions/${key}/instances`, {}, headers),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const [ja, jb] = [await json(a), await json(b)];
    expect(ja).toEqual(jb);
    const again = await sendJson(api, 'POST', `/definitions/${key}/instances`, {}, headers);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await json(again)).toEqual(ja);
  });

  it('a retry finds the instance its first try started when the API failed before keeping the answer', async () => {
    // given a start with a business key whose answer the registry fails to keep (the API dies
    // between Temporal's start and the registry write: here the write throws once)
    const headers = { 'idempotency-key': `k-${randomUUID()}` };
    const body = { businessKey: `crash-${randomUUID()}` };
    const remember = api.registry.idempotency.remember.bind(api.registry.idempotency);
    api.registry.idempotency.remember = () => {
      api.registry.idempotency.remember = remember;
      return Promise.reject(new Error('the API died here'));
    };
    const first = await sendJson(api, 'POST', `/definitions/${key}/instances`, body, headers);
    expect(first.status).toBe(500);
    // when the client retries with the same key, then it gets the instance that started, not 409
    const retry = await sendJson(api, 'POST', `/definitions/${key}/instances`, body, headers);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await json(retry)).toMatchObject({ workflowId: `${key}:${body.businessKey}` });
    // and the same key with another request is still 422; another key for the business key 409
    const other = { ...body, variables: { x: 1 } };
    await expectProblem(
      await sendJson(api, 'POST', `/definitions/${key}/instances`, other, headers),
      422,
    );
    await expectProblem(
      await sendJson(api, 'POST', `/definitions/${key}/instances`, body, {
        'idempotency-key': `k-${randomUUID()}`,
      }),
      409,
    );
  });

  it('409 for a business key already running; lists and filters by business key', async () => {
    const first = await sendJson(api, 'POST', `/definitions/${key}/instances`, {
      businessKey: 'order-1',
    });
    expect(first.status).toBe(201);
    expect((await json(first)).workflowId).toBe(`${key}:order-1`);
    await expectProblem(
      await sendJson(api, 'POST', `/definitions/${key}/instances`, { businessKey: 'order-1' }),
      409,
    );

    const page = await eventually(
      () => json(fetch(`${api.url}/instances?definition=${key}&businessKey=order-1`)),
      (p) => p.items.length === 1,
    );
    expect(page.items[0]).toMatchObject({
      instanceId: `${key}:order-1`,
      status: 'RUNNING',
      businessKey: 'order-1',
    });
  });

  it('pages through instances and counts them per definition', async () => {
    const list = await eventually(
      () => json(fetch(`${api.url}/instances?definition=${key}&status=RUNNING&pageSize=2`)),
      (p) => p.items.length === 2 && p.nextPageToken !== undefined,
    );
    const next = await json(
      fetch(
        `${api.url}/instances?definition=${key}&status=RUNNING&pageSize=2&nextPageToken=${list.nextPageToken}`,
      ),
    );
    const ids = new Set([...list.items, ...next.items].map((i: Json) => i.instanceId));
    expect(ids.size).toBe(list.items.length + next.items.length);

    const defs = await eventually(
      () => json(fetch(`${api.url}/definitions`)),
      (d) => d.items.find((i: Json) => i.key === key)?.activeInstances >= 3,
    );
    expect(defs.items.find((i: Json) => i.key === key).activeInstances).toBeGreaterThanOrEqual(3);
    await expectProblem(await fetch(`${api.url}/definitions/${key}`, { method: 'DELETE' }), 409);
  });

  it('delivers messages and cancels; 409 once closed; 404 for unknown instances', async () => {
    const started = await json(
      sendJson(api, 'POST', `/definitions/${key}/instances`, { businessKey: 'to-cancel' }),
    );
    const id = started.instanceId as string;
    // The stand-in model subscribes to no message: a name it never waits for is refused (the
    // e2e suites deliver messages to models that do).
    await expectProblem(
      await sendJson(api, 'POST', `/instances/${id}/messages`, { name: 'paid', variables: {} }),
      422,
    );
    await expectProblem(
      await sendJson(api, 'POST', `/instances/${id}/messages`, { variables: {} }),
      400,
    );

    // Without a worker the cancel request stays pending; terminate to close it.
    expect((await sendJson(api, 'POST', `/instances/${id}/cancel`)).status).toBe(202);
    await api.client.workflow.getHandle(id).terminate('test');
    expect((await json(fetch(`${api.url}/instances/${id}`))).status).toBe('TERMINATED');
    await expectProblem(await sendJson(api, 'POST', `/instances/${id}/cancel`), 409);
    await expectProblem(
      await sendJson(api, 'POST', `/instances/${id}/messages`, { name: 'late' }),
      409,
    );

    await expectProblem(await fetch(`${api.url}/instances/${key}:nope`), 404);
    await expectProblem(await sendJson(api, 'POST', `/instances/${key}:nope/cancel`), 404);
    await expectProblem(
      await sendJson(api, 'POST', `/user-tasks/${key}:nope/review/1/complete`, {}),
      404,
    );
    await expectProblem(await sendJson(api, 'POST', `/user-tasks/not-a-fei/complete`, {}), 404);
  });

  it('lists user tasks (instances without a worker are reported unavailable)', async () => {
    const body = await json(fetch(`${api.url}/user-tasks?definition=${key}`));
    expect(body.items).toEqual([]);
    expect(body.unavailableInstances.length).toBeGreaterThan(0);
  });
});
