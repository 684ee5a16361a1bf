/**
 * `Idempotency-Key` on explicit starts of a state machine (`POST /definitions/{key}/instances`),
 * over HTTP on the real stack: a retry is answered with the first instance exactly as a BPMN
 * start's is (201, the same body, `Idempotent-Replayed: true`), and two concurrent first tries
 * start one instance; a key reused with other variables answers 422 and starts nothing. The
 * BPMN side is in test/api/instances.test.ts and versions.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { call } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 180_000);

const code = 'ORDER_SYNC_IDEM';

beforeAll(async () => {
  const example = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'order-sync.json'), 'utf8'),
  ) as Record<string, unknown>;
  const res = await call('POST', '/definitions?deploy=true', { ...example, code });
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`deploy ${code}: ${res.status} ${JSON.stringify(res.body)}`);
}, 60_000);

const startWith = (key: string) =>
  call(
    'POST',
    `/definitions/${code}/instances`,
    { variables: { amount: 0 } },
    { 'idempotency-key': key },
  );

test('a retried state-machine start answers the first instance, as a BPMN start does', async () => {
  // given a first start with a key
  const key = `sm-idem-${Date.now()}`;
  const first = await startWith(key);
  expect(first.status).toBe(201);
  expect(first.headers.get('idempotent-replayed')).toBeNull();

  // when it is retried with the same key
  const retried = await startWith(key);

  // then the retry is answered with the first instance and says it is a replay
  expect(retried.status).toBe(201);
  expect(retried.headers.get('idempotent-replayed')).toBe('true');
  expect(retried.body).toEqual(first.body);

  // and two concurrent first tries with another key start one instance between them
  const [a, b] = await Promise.all([startWith(`${key}-b`), startWith(`${key}-b`)]);
  expect([a.status, b.status]).toEqual([201, 201]);
  expect(b.body).toEqual(a.body);
  expect(a.body.instanceId).not.toBe(first.body.instanceId);

  for (const id of [first.body.instanceId, a.body.instanceId]) {
    replay.add(id);
    expect((await call('POST', `/instances/${encodeURIComponent(id)}/cancel`)).status).toBe(202);
  }
}, 60_000);

test('a key reused with other start variables answers 422 naming it, and starts nothing', async () => {
  // given a start with a key
  const key = `sm-idem-reused-${Date.now()}`;
  const first = await startWith(key);
  expect(first.status).toBe(201);
  replay.add(first.body.instanceId);
  // when the key comes again with other variables
  const changed = await call(
    'POST',
    `/definitions/${code}/instances`,
    { variables: { amount: 1 } },
    { 'idempotency-key': key },
  );
  // then it is refused, the problem names the key, and the first instance is the only one
  expect(changed.status).toBe(422);
  expect(changed.body).toEqual(
    expect.objectContaining({ type: expect.stringContaining('idempotency-key-reused') }),
  );
  expect(changed.body.detail).toContain(key);
  const retried = await startWith(key);
  expect(retried.body).toEqual(first.body);
  await call('POST', `/instances/${encodeURIComponent(first.body.instanceId)}/cancel`);
}, 60_000);
