/**
 * State machines end to end over HTTP on the real dev server: an order-sync machine
 * NEW → PENDING → CONFIRMED / REJECTED / TIMED_OUT driven by every trigger type (conditions
 * true and false, a disabled transition, timeouts that fire and that are cancelled, a
 * scheduled poll, actions that fail and succeed), PER_RECORD and PER_RUN routing,
 * enable/disable, delete, copy, export/import, list counts and the WaymarkState filter.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { call, deployFixture, getInstance, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 180_000);

const example = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'order-sync.json'), 'utf8'),
) as Record<string, any>;

/** The example, adapted for tests: short timeouts and polls, actions, extra transitions. */
function orderSync(code: string, timeoutHours = 1, mode = 'PER_RECORD'): Record<string, any> {
  const def = structuredClone(example);
  def.code = code;
  def.instanceMode = mode;
  def.states[1].timeoutHours = timeoutHours;
  def.states.splice(1, 0, { code: 'PAUSED', description: 'Paused' });
  const t = def.transitions as Record<string, any>[];
  t.find((x) => x.code === 'WEBHOOK_CONFIRM')!.action = { workflow: 'sm-action-ok' };
  t.find((x) => x.code === 'POLL_ERP')!.pollIntervalSeconds = 1;
  t.find((x) => x.code === 'POLL_ERP')!.conditions =
    'autoConfirm = true and trigger.pollCount >= 2';
  t.push(
    {
      code: 'EXPORT_NEW',
      fromState: 'NEW',
      toState: 'REJECTED',
      triggerType: 'ON_EXPORT',
      enabled: false,
    },
    {
      code: 'EXPORT_CONFIRM',
      description: 'Push to the ERP (fails)',
      fromState: 'PENDING',
      toState: 'CONFIRMED',
      triggerType: 'ON_EXPORT',
      action: { workflow: 'sm-action-fail' },
    },
    {
      code: 'FORCE',
      fromState: 'PENDING',
      toState: 'CONFIRMED',
      triggerType: 'MANUAL',
      enabled: false,
    },
    {
      code: 'PAUSE',
      fromState: 'PENDING',
      toState: 'PAUSED',
      triggerType: 'ON_EVENT',
      eventName: 'order.paused',
    },
  );
  return def;
}

async function deploy(def: Record<string, any>): Promise<any> {
  const res = await call('POST', '/definitions?deploy=true', def);
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`deploy ${def.code}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function send(code: string, body: Record<string, unknown>): Promise<any> {
  const res = await call('POST', `/state-machines/${code}/events`, body);
  return res;
}

async function event(code: string, body: Record<string, unknown>): Promise<string> {
  const res = await send(code, body);
  if (res.status !== 202) throw new Error(`event: ${res.status} ${JSON.stringify(res.body)}`);
  replay.add(res.body.instanceId);
  return res.body.instanceId;
}

const inState = (state: string) => (i: any) => i.state === state;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fire(id: string, code: string, data?: Record<string, unknown>) {
  return call(
    'POST',
    `/instances/${encodeURIComponent(id)}/transitions/${code}`,
    data ? { data } : {},
  );
}

beforeAll(async () => {
  await deployFixture('sm-action-ok');
  await deployFixture('sm-action-fail');
  await deploy(orderSync('ORDER_SYNC'));
}, 60_000);

test('the example deploys, validates and is served with its JSON Schema', async () => {
  const schema = await call('GET', '/schemas/state-machine');
  expect(schema.status).toBe(200);
  expect(schema.body.properties.states).toBeDefined();
  const bad = await call('POST', '/definitions', {
    ...example,
    code: 'BAD_SM',
    initialState: 'NOPE',
    states: [...example.states, { code: 'NEW' }],
  });
  expect(bad.status).toBe(422);
  expect(bad.body.errors.map((e: any) => e.path)).toEqual(
    expect.arrayContaining(['initialState', 'states[5].code']),
  );
});

test('PER_RECORD: conditions, disabled transition, manual refusals, failing action, manual fire', async () => {
  // given a first event whose condition is false: the instance is created and stays NEW
  const id = await event('ORDER_SYNC', {
    trigger: 'ON_IMPORT',
    recordId: 'r1',
    data: { orderId: 'o-1', amount: 0 },
  });
  expect(id).toBe('ORDER_SYNC:r1');
  await waitFor(id, (i) => i.state === 'NEW' && i.trail.length === 1);
  // a disabled ON_EXPORT transition is never evaluated
  await event('ORDER_SYNC', { trigger: 'ON_EXPORT', recordId: 'r1' });
  // the second import for the same record reaches the same instance and fires
  await event('ORDER_SYNC', { trigger: 'ON_IMPORT', recordId: 'r1', data: { amount: 100 } });
  const pending = await waitFor(id, inState('PENDING'));
  expect(pending.trail.map((t: any) => [t.transition, t.toState, t.trigger])).toEqual([
    [null, 'NEW', 'START'],
    ['IMPORT', 'PENDING', 'ON_IMPORT'],
  ]);
  expect(pending.trail[1].data).toEqual({ amount: 100 });
  expect(pending.variables).toEqual({ orderId: 'o-1', amount: 100 });

  // manual refusals: wrong state, disabled, conditions false, not manual
  let res = await fire(id, 'CANCEL');
  expect([res.status, res.body.type]).toEqual([409, 'urn:waymark:problem:transition-not-allowed']);
  expect(res.body.detail).toContain("current state 'PENDING'");
  res = await fire(id, 'FORCE');
  expect([res.status, res.body.type]).toEqual([409, 'urn:waymark:problem:transition-disabled']);
  res = await fire(id, 'APPROVE');
  expect([res.status, res.body.type]).toEqual([409, 'urn:waymark:problem:conditions-false']);

  // a failing action: incident, state unchanged
  await event('ORDER_SYNC', { trigger: 'ON_EXPORT', recordId: 'r1' });
  const failed = await waitFor(id, (i) => i.incidents.length === 1, 60_000);
  expect(failed.state).toBe('PENDING');
  expect(failed.incidents[0]).toEqual(expect.objectContaining({ elementId: 'EXPORT_CONFIRM' }));

  // a manual transition whose conditions hold: 200 with the new state
  res = await fire(id, 'APPROVE', { approvedBy: 'ada' });
  expect(res.status).toBe(200);
  expect(res.body).toEqual(
    expect.objectContaining({
      previousState: 'PENDING',
      state: 'CONFIRMED',
      transition: 'APPROVE',
    }),
  );
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.result).toEqual({
    state: 'CONFIRMED',
    data: { orderId: 'o-1', amount: 100, approvedBy: 'ada' },
  });
  // a finished record is not restarted
  expect((await send('ORDER_SYNC', { trigger: 'ON_IMPORT', recordId: 'r1' })).status).toBe(409);
}, 120_000);

test('webhook with a succeeding action, event trigger, scheduled poll', async () => {
  const a = await event('ORDER_SYNC', {
    trigger: 'ON_IMPORT',
    recordId: 'r2',
    data: { orderId: 'o-2', amount: 5 },
  });
  const b = await event('ORDER_SYNC', {
    trigger: 'ON_IMPORT',
    recordId: 'r3',
    data: { orderId: 'o-3', amount: 7 },
  });
  const c = await event('ORDER_SYNC', {
    trigger: 'ON_IMPORT',
    recordId: 'r4',
    data: { orderId: 'o-4', amount: 9, autoConfirm: true },
  });
  expect(new Set([a, b, c]).size).toBe(3);
  await waitFor(a, inState('PENDING'));
  await waitFor(b, inState('PENDING'));

  await event('ORDER_SYNC', { trigger: 'ON_WEBHOOK', recordId: 'r2', data: { status: 'open' } });
  await event('ORDER_SYNC', {
    trigger: 'ON_WEBHOOK',
    recordId: 'r2',
    data: { status: 'confirmed' },
  });
  const confirmed = await waitFor(a, undefined, 60_000);
  expect(confirmed.result.state).toBe('CONFIRMED');
  expect(confirmed.result.data).toEqual(
    expect.objectContaining({ confirmationId: 'C-o-2', status: 'confirmed' }),
  );
  expect(confirmed.trail.at(-1)).toEqual(
    expect.objectContaining({ transition: 'WEBHOOK_CONFIRM', action: 'sm-action-ok' }),
  );

  await event('ORDER_SYNC', { trigger: 'ON_EVENT', event: 'order.other', recordId: 'r3' });
  await event('ORDER_SYNC', { trigger: 'ON_EVENT', event: 'order.rejected', recordId: 'r3' });
  const rejected = await waitFor(b);
  expect(rejected.result.state).toBe('REJECTED');
  expect(rejected.trail.at(-1)).toEqual(
    expect.objectContaining({ trigger: 'ON_EVENT', event: 'order.rejected' }),
  );

  const polled = await waitFor(c, undefined, 60_000);
  expect(polled.result.state).toBe('CONFIRMED');
  expect(polled.trail.at(-1)).toEqual(
    expect.objectContaining({ transition: 'POLL_ERP', trigger: 'ON_SCHEDULED_POLL' }),
  );
}, 120_000);

test('timeouts: one fires, one is cancelled by leaving the state', async () => {
  await deploy(orderSync('ORDER_SYNC_T', 0.0005));
  const id = await event('ORDER_SYNC_T', {
    trigger: 'ON_IMPORT',
    recordId: 't1',
    data: { amount: 1 },
  });
  const done = await waitFor(id, undefined, 60_000);
  expect(done.result.state).toBe('TIMED_OUT');
  expect(done.trail.at(-1)).toEqual(
    expect.objectContaining({ transition: 'EXPIRE', trigger: 'TIMEOUT', fromState: 'PENDING' }),
  );

  await deploy(orderSync('ORDER_SYNC_C', 0.002)); // 7.2 s
  const c = await event('ORDER_SYNC_C', {
    trigger: 'ON_IMPORT',
    recordId: 'c1',
    data: { amount: 1 },
  });
  await event('ORDER_SYNC_C', { trigger: 'ON_EVENT', event: 'order.paused', recordId: 'c1' });
  await waitFor(c, inState('PAUSED'));
  await sleep(9000);
  const paused = await getInstance(c);
  expect(paused.state).toBe('PAUSED');
  expect(paused.trail.map((t: any) => t.toState)).toEqual(['NEW', 'PENDING', 'PAUSED']);
  replay.add(c);
}, 120_000);

test('current state: search attribute, current details, state filter, list counts', async () => {
  const id = await event('ORDER_SYNC', {
    trigger: 'ON_IMPORT',
    recordId: 'r6',
    data: { amount: 3 },
  });
  await waitFor(id, inState('PENDING'));
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  try {
    const client = new Client({ connection });
    const handle = client.workflow.getHandle(id);
    const description = await handle.describe();
    expect(description.searchAttributes.WaymarkState).toEqual(['PENDING']);
    const meta = await handle.query<{ currentDetails: string }>('__temporal_workflow_metadata');
    expect(meta.currentDetails).toContain('PENDING');
  } finally {
    await connection.close();
  }
  let listed: any;
  for (let i = 0; i < 100; i++) {
    listed = await call('GET', '/instances?definition=ORDER_SYNC&state=PENDING');
    if (listed.body.items.some((x: any) => x.instanceId === id)) break;
    await sleep(200);
  }
  expect(listed.body.items.map((x: any) => x.instanceId)).toContain(id);
  expect(listed.body.items.every((x: any) => x.state === 'PENDING')).toBe(true);
  const confirmedList = await call('GET', '/instances?definition=ORDER_SYNC&state=CONFIRMED');
  expect(confirmedList.body.items.map((x: any) => x.instanceId)).not.toContain(id);
}, 60_000);

test('PER_RUN: events for the same run share an instance; delete refused while they run', async () => {
  await deploy(orderSync('ORDER_RUN', 1, 'PER_RUN'));
  expect((await send('ORDER_RUN', { trigger: 'ON_IMPORT', recordId: 'x' })).status).toBe(400);
  const a1 = await event('ORDER_RUN', {
    trigger: 'ON_IMPORT',
    runId: 'run-1',
    data: { amount: 0 },
  });
  const a2 = await event('ORDER_RUN', {
    trigger: 'ON_IMPORT',
    runId: 'run-1',
    data: { amount: 2 },
  });
  const b = await event('ORDER_RUN', { trigger: 'ON_IMPORT', runId: 'run-2', data: { amount: 0 } });
  expect(a1).toBe('ORDER_RUN:run-1');
  expect(a2).toBe(a1);
  expect(b).toBe('ORDER_RUN:run-2');
  await waitFor(a1, inState('PENDING'));
  await waitFor(b, inState('NEW'));

  let def: any;
  for (let i = 0; i < 100; i++) {
    def = (await call('GET', '/definitions')).body.items.find((d: any) => d.key === 'ORDER_RUN');
    if (def.activeInstances === 2) break;
    await sleep(200);
  }
  expect(def).toEqual(
    expect.objectContaining({ initialState: 'NEW', activeInstances: 2, kind: 'state-machine' }),
  );
  expect((await call('DELETE', '/definitions/ORDER_RUN')).status).toBe(409);

  await event('ORDER_RUN', { trigger: 'ON_EVENT', event: 'order.rejected', runId: 'run-1' });
  expect((await fire(b, 'CANCEL')).status).toBe(200);
  await waitFor(a1);
  await waitFor(b);
  let del: any;
  for (let i = 0; i < 100; i++) {
    del = await call('DELETE', '/definitions/ORDER_RUN');
    if (del.status === 204) break;
    await sleep(200);
  }
  expect(del.status).toBe(204);
}, 120_000);

test('disable: no starts, triggers ignored, timeouts wait; enable: works again', async () => {
  await deploy(orderSync('ORDER_SYNC_D', 0.001)); // 3.6 s
  const id = await event('ORDER_SYNC_D', {
    trigger: 'ON_IMPORT',
    recordId: 'd1',
    data: { amount: 0 },
  });
  await waitFor(id, inState('NEW'));
  const t = await event('ORDER_SYNC_D', {
    trigger: 'ON_IMPORT',
    recordId: 'd2',
    data: { amount: 1 },
  });
  await waitFor(t, inState('PENDING'));

  const patch = await call('PATCH', '/definitions/ORDER_SYNC_D', { enabled: false });
  expect(patch.status).toBe(200);
  expect(patch.body.enabled).toBe(false);
  await waitFor(id, (i) => i.enabled === false);
  expect(
    (await call('POST', '/definitions/ORDER_SYNC_D/instances', { businessKey: 'd3' })).status,
  ).toBe(409);
  expect(
    (await send('ORDER_SYNC_D', { trigger: 'ON_IMPORT', recordId: 'd1', data: { amount: 5 } }))
      .status,
  ).toBe(409);
  expect((await fire(id, 'CANCEL')).status).toBe(409);
  await sleep(5000); // d2's timeout expires while disabled
  expect((await getInstance(t)).state).toBe('PENDING');

  await call('PATCH', '/definitions/ORDER_SYNC_D', { enabled: true });
  const timedOut = await waitFor(t, undefined, 60_000);
  expect(timedOut.result.state).toBe('TIMED_OUT');
  await event('ORDER_SYNC_D', { trigger: 'ON_IMPORT', recordId: 'd1', data: { amount: 5 } });
  await waitFor(id, inState('PENDING'));
  expect((await fire(id, 'APPROVE', { approvedBy: 'bob' })).status).toBe(200);
}, 120_000);

test('copy and export/import give identical definitions', async () => {
  const copy = await call('POST', '/definitions/ORDER_SYNC/copy', { key: 'ORDER_SYNC_COPY' });
  expect(copy.status).toBe(201);
  expect(copy.body).toEqual(
    expect.objectContaining({ key: 'ORDER_SYNC_COPY', status: 'deployed' }),
  );
  const original = (await call('GET', '/definitions/ORDER_SYNC/export')).body;
  const copied = (await call('GET', '/definitions/ORDER_SYNC_COPY/export')).body;
  expect({ ...copied, code: 'ORDER_SYNC' }).toEqual(original);
  expect(
    (await call('POST', '/definitions/ORDER_SYNC/copy', { key: 'ORDER_SYNC_COPY' })).status,
  ).toBe(409);

  // export → delete → import: the same definition again
  const exported = await call('GET', '/definitions/ORDER_SYNC_COPY/export');
  expect(exported.contentType).toContain('application/json');
  expect((await call('DELETE', '/definitions/ORDER_SYNC_COPY')).status).toBe(204);
  const imported = await call('POST', '/definitions?deploy=true', exported.body);
  expect(imported.status).toBe(201);
  expect(imported.body.contentHash).toBe(copy.body.contentHash);
  const again = await call('GET', '/definitions/ORDER_SYNC_COPY/export');
  expect(again.body).toEqual(exported.body);
  // re-importing the same export is not a new version
  expect((await call('POST', '/definitions?deploy=true', again.body)).status).toBe(200);
}, 60_000);
