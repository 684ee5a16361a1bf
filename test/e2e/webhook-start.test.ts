/**
 * Webhook starts end to end: `POST /webhook/send?uid=` with an environment token in the
 * `authorization` header starts the latest deployed version with the payload as variables;
 * mandatory fields, drafts, disabled definitions, missing/bad tokens, environments scoped to
 * other definitions, Idempotency-Key and oversize bodies answer as documented.
 */
import { call, deployFixture, fixture, getInstance, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

const PROBLEM = 'application/problem+json';
const payload = { customerName: 'John Doe', orderNumber: '123456', productCode: 'ABC123' };

let defId: string;
let draftId: string;
let token: string;
let otherToken: string;
let allToken: string;
const started: string[] = [];

const send = (uid: string, body: unknown, headers: Record<string, string> = {}) =>
  call('POST', `/webhook/send?uid=${encodeURIComponent(uid)}`, body, headers);

beforeAll(async () => {
  defId = (await deployFixture('webhook-order')).id;
  const draft = await call(
    'POST',
    '/definitions',
    fixture('webhook-order').replace(/webhook-order/g, 'webhook-order-draft'),
    { 'content-type': 'application/xml' },
  );
  expect(draft.body.status).toBe('draft');
  draftId = draft.body.id;
  const env = await call('POST', '/environments', { name: 'shop', definitions: [defId] });
  expect(env.status).toBe(201);
  token = env.body.token;
  otherToken = (await call('POST', '/environments', { name: 'drafts', definitions: [draftId] }))
    .body.token;
  allToken = (await call('POST', '/environments', { name: 'everything' })).body.token;
});

afterAll(async () => {
  for (const id of started) await call('POST', `/instances/${encodeURIComponent(id)}/cancel`);
});

test('token in authorization, {payload:{…}} → 202; the variables hold the three fields', async () => {
  const res = await send(defId, { payload }, { authorization: token });
  expect(res.status).toBe(202);
  expect(res.body).toEqual({
    instanceId: expect.any(String),
    workflowId: res.body.instanceId,
    runId: expect.any(String),
  });
  started.push(res.body.instanceId);
  replay.add(res.body.instanceId, 'webhook-order-start');
  const inst = await waitFor(res.body.instanceId, (i) => i.userTasks?.length === 1);
  expect(inst.variables).toEqual(payload);
  expect(inst.definition.id).toBe(defId);
});

test('bare object body and Bearer token work too', async () => {
  const res = await send(defId, payload, { authorization: `Bearer ${allToken}` });
  expect(res.status).toBe(202);
  started.push(res.body.instanceId);
  const inst = await waitFor(res.body.instanceId, (i) => i.userTasks?.length === 1);
  expect(inst.variables).toEqual(payload);
});

test('missing mandatory field → 400 naming it', async () => {
  const res = await send(
    defId,
    { payload: { customerName: 'John Doe', orderNumber: '123456' } },
    { authorization: token },
  );
  expect(res.status).toBe(400);
  expect(res.contentType).toContain(PROBLEM);
  expect(res.body.detail).toContain('productCode');
  expect(res.body.errors).toEqual([expect.objectContaining({ path: 'body.payload.productCode' })]);
  // A bare payload (no {payload} wrapper) is named as the caller sent it
  const bare = await send(
    defId,
    { customerName: 'John Doe', orderNumber: '123456' },
    { authorization: token },
  );
  expect(bare.body.errors).toEqual([expect.objectContaining({ path: 'body.productCode' })]);
});

test('Idempotency-Key: a retried webhook returns the same instance', async () => {
  const headers = { authorization: token, 'Idempotency-Key': 'order-123456' };
  const first = await send(defId, { payload }, headers);
  const second = await send(defId, { payload }, headers);
  expect(first.status).toBe(202);
  expect(second.status).toBe(202);
  expect(second.body).toEqual(first.body);
  started.push(first.body.instanceId);
});

test('Idempotency-Key: keys belong to their environment; another payload with a used key → 422', async () => {
  // given one key used by two environments, with the same payload
  const key = `shared-${Date.now()}`;
  const fromShop = await send(defId, { payload }, { authorization: token, 'Idempotency-Key': key });
  const fromAll = await send(
    defId,
    { payload },
    { authorization: allToken, 'Idempotency-Key': key },
  );
  // then each environment gets an instance of its own
  expect([fromShop.status, fromAll.status]).toEqual([202, 202]);
  expect(fromAll.body.instanceId).not.toBe(fromShop.body.instanceId);
  started.push(fromShop.body.instanceId, fromAll.body.instanceId);
  // and the same environment reusing the key for another payload is told so, nothing started
  const changed = await send(
    defId,
    { payload: { ...payload, orderNumber: 'other' } },
    { authorization: token, 'Idempotency-Key': key },
  );
  expect(changed.status).toBe(422);
  expect(changed.contentType).toContain(PROBLEM);
  expect(changed.body.detail).toContain(key);
  // while an identical retry is still answered with the first instance
  const retried = await send(defId, { payload }, { authorization: token, 'Idempotency-Key': key });
  expect(retried.status).toBe(202);
  expect(retried.body).toEqual(fromShop.body);
});

test('credentials and scope: no token 401, bad token 401, other environment 403', async () => {
  const none = await send(defId, { payload });
  expect(none.status).toBe(401);
  expect(none.contentType).toContain(PROBLEM);
  expect((await send(defId, { payload }, { authorization: 'wme_not-a-token' })).status).toBe(401);
  expect((await send(defId, { payload }, { authorization: 'Bearer ' })).status).toBe(401);
  const other = await send(defId, { payload }, { authorization: otherToken });
  expect(other.status).toBe(403);
  expect(other.contentType).toContain(PROBLEM);
});

test('draft → 409, unknown uid → 404, disabled → 409', async () => {
  const draft = await send(draftId, { payload }, { authorization: otherToken });
  expect(draft.status).toBe(409);
  expect(draft.body.detail).toMatch(/draft versions cannot be started/);
  const unknown = await send(
    '00000000-0000-0000-0000-000000000000',
    { payload },
    { authorization: allToken },
  );
  expect(unknown.status).toBe(404);
  expect(unknown.contentType).toContain(PROBLEM);
  expect((await call('PATCH', `/definitions/${defId}`, { enabled: false })).status).toBe(200);
  try {
    const disabled = await send(defId, { payload }, { authorization: token });
    expect(disabled.status).toBe(409);
    expect(disabled.contentType).toContain(PROBLEM);
  } finally {
    await call('PATCH', `/definitions/${defId}`, { enabled: true });
  }
});

test('bad bodies: not an object 400, payload not an object 400, over 5 MB 413; nothing started', async () => {
  const count = async () =>
    (await call('GET', `/instances?definition=${defId}&pageSize=1000`)).body.items.length;
  await new Promise((r) => setTimeout(r, 1500)); // visibility settles
  const before = await count();
  expect((await send(defId, [payload], { authorization: token })).status).toBe(400);
  expect((await send(defId, { payload: 'x' }, { authorization: token })).status).toBe(400);
  expect(
    (await send(defId, '{"payload":', { authorization: token, 'content-type': 'application/json' }))
      .status,
  ).toBe(400);
  const big = await send(
    defId,
    JSON.stringify({ payload: { ...payload, blob: 'x'.repeat(5 * 1024 * 1024) } }),
    { authorization: token, 'content-type': 'application/json' },
  );
  expect(big.status).toBe(413);
  expect(big.contentType).toContain(PROBLEM);
  expect(
    (await send(defId, 'customerName=John', { authorization: token, 'content-type': 'text/plain' }))
      .status,
  ).toBe(415);
  await new Promise((r) => setTimeout(r, 1500));
  expect(await count()).toBe(before);
});

test('environments: listed without tokens; bad input; revoking a token → 401', async () => {
  const list = await call('GET', '/environments');
  expect(list.status).toBe(200);
  expect(list.body.items.length).toBeGreaterThanOrEqual(3);
  expect(JSON.stringify(list.body)).not.toContain(token);
  for (const e of list.body.items) expect(e).not.toHaveProperty('token');
  expect((await call('POST', '/environments', { name: '' })).status).toBe(400);
  expect((await call('POST', '/environments', { name: 'x', definitions: 'all' })).status).toBe(400);
  expect((await call('POST', '/environments', { name: 'x', colour: 'red' })).status).toBe(400);
  expect(
    (await call('POST', '/environments', { name: 'x', definitions: ['no-such-def'] })).status,
  ).toBe(404);
  expect((await call('GET', '/environments')).body.items.length).toBe(list.body.items.length);
  const temp = await call('POST', '/environments', { name: 'temporary' });
  expect((await call('DELETE', `/environments/${temp.body.id}`)).status).toBe(204);
  expect((await send(defId, { payload }, { authorization: temp.body.token })).status).toBe(401);
  expect((await call('DELETE', `/environments/${temp.body.id}`)).status).toBe(404);
  // the instance started first is still there, with its variables
  expect((await getInstance(started[0])).variables).toEqual(payload);
});
