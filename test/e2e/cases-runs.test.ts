/**
 * The runs API end to end, as users do it: a case, a parameter set for a definition that
 * declares its parameters, a run, long-polling its status, its result, and a signed
 * `run.completed` webhook delivery that is retried (same delivery id) after the receiver
 * answered 500 — plus the bad-input table of every endpoint (problem+json, nothing stored).
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { call, deployFixture } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

const PROBLEM = 'application/problem+json';

interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: any;
  answered: number;
}

/** A real webhook receiver: answers 500 to the first delivery of each run, 200 afterwards. */
async function startReceiver(): Promise<{
  url: string;
  received: Received[];
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const seenRuns = new Set<string>();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      let body: any;
      try {
        body = JSON.parse(raw);
      } catch {
        body = undefined;
      }
      const runId = String(body?.data?.runId);
      const answered = seenRuns.has(runId) ? 200 : 500;
      seenRuns.add(runId);
      received.push({ headers: req.headers, raw, body, answered });
      res.statusCode = answered;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function verify(secret: string, r: Received): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(r.headers['waymark-signature']));
  if (!m) return false;
  const expected = createHmac('sha256', secret).update(`${m[1]}.${r.raw}`).digest('hex');
  return expected === m[2];
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = 90_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const person = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  personalNumber: '19151210-1234',
  companyName: 'Analytical Engines Ltd',
  companyNumber: 'AE-1843',
  companyAddress: '12 St James Square, London',
  phone: '+44 20 7946 0000',
};

test('case → parameters → run → long poll → result → signed, retried webhook', async () => {
  const receiver = await startReceiver();
  let subscriptionId: string | undefined;
  try {
    const def = await deployFixture('case-parameters');

    const sub = await call('POST', '/webhooks', {
      url: receiver.url,
      events: ['run.completed', 'run.failed', 'incident.created'],
    });
    expect(sub.status).toBe(201);
    expect(sub.body.secret).toEqual(expect.any(String));
    subscriptionId = sub.body.id;
    const listed = await call('GET', '/webhooks');
    expect(JSON.stringify(listed.body)).not.toContain(sub.body.secret);

    const created = await call('POST', '/cases', person);
    expect(created.status).toBe(201);
    expect(created.body).toEqual(
      expect.objectContaining({ ...person, caseId: expect.any(String) }),
    );
    const { caseId } = created.body;
    // a returning user (same personal number) reuses the case
    const again = await call('POST', '/cases', { ...person, phone: '+44 1' });
    expect(again.status).toBe(200);
    expect(again.body.caseId).toBe(caseId);
    expect((await call('GET', `/cases/${caseId}`)).body).toEqual(created.body);

    const params = await call('POST', '/parameters', {
      workflowDefinitionId: def.id,
      parameters: { param0: 0, param1: 1.2222, param2: true, param3: 'text' },
    });
    expect(params.status).toBe(201);
    const { parametersId } = params.body;
    expect(parametersId).toEqual(expect.any(String));

    const run = await call('POST', '/workflows/run', {
      workflowDefinitionId: def.id,
      caseId,
      parametersId,
    });
    expect(run.status).toBe(201);
    expect(run.body).toEqual(
      expect.objectContaining({ runId: expect.any(String), status: 'RUNNING' }),
    );
    const { runId } = run.body;
    replay.add(runId, 'case-parameters-run');

    const closed = await until('the run to close', async () => {
      const s = await call('GET', `/workflows/runs/${encodeURIComponent(runId)}?wait=30`);
      expect(s.status).toBe(200);
      return s.body.status === 'RUNNING' ? undefined : s.body;
    });
    expect(closed).toEqual(
      expect.objectContaining({
        runId,
        status: 'COMPLETED',
        startedAt: expect.any(String),
        closedAt: expect.any(String),
      }),
    );

    const result = await call('GET', `/workflows/runs/${encodeURIComponent(runId)}/result`);
    expect(result.status).toBe(200);
    expect(result.body.result).toEqual(
      expect.objectContaining({
        greeting: 'Hello Ada',
        parameters: { param0: 0, param1: 1.2222, param2: true, param3: 'text' },
        case: expect.objectContaining({ caseId, ...person }),
      }),
    );

    // the delivery: first answered 500, retried with the same id, then accepted
    const ours = () => receiver.received.filter((r) => r.body?.data?.runId === runId);
    await until('the retried delivery', async () => (ours().length >= 2 ? true : undefined));
    const [first, second] = ours();
    expect(first.answered).toBe(500);
    expect(second.answered).toBe(200);
    expect(ours()).toHaveLength(2);
    for (const r of [first, second]) {
      expect(verify(sub.body.secret, r)).toBe(true);
      expect(r.headers['waymark-event']).toBe('run.completed');
      expect(r.body).toEqual(
        expect.objectContaining({
          event: 'run.completed',
          id: r.headers['waymark-delivery-id'],
          data: expect.objectContaining({ runId, caseId, status: 'COMPLETED' }),
        }),
      );
    }
    expect(second.headers['waymark-delivery-id']).toBe(first.headers['waymark-delivery-id']);
    expect(second.raw).toBe(first.raw);

    const runs = await until('the case run in visibility', async () => {
      const r = await call('GET', `/cases/${caseId}/runs`);
      const item = r.body.items?.find((i: any) => i.runId === runId);
      return item?.status === 'COMPLETED' ? r.body : undefined;
    });
    expect(runs.items).toHaveLength(1);
  } finally {
    if (subscriptionId) await call('DELETE', `/webhooks/${subscriptionId}`);
    await receiver.close();
  }
}, 180_000);

test('a run still open: long poll returns when the wait ends; result is 409', async () => {
  const def = await deployFixture('user-task');
  const c = await call('POST', '/cases', { externalId: 'crm-42', firstName: 'Grace' });
  expect(c.status).toBe(201);
  const run = await call('POST', '/workflows/run', {
    workflowDefinitionId: def.id,
    caseId: c.body.caseId,
  });
  expect(run.status).toBe(201);
  const { runId } = run.body;
  const s = await call('GET', `/workflows/runs/${encodeURIComponent(runId)}?wait=1`);
  expect(s.body).toEqual(
    expect.objectContaining({ runId, status: 'RUNNING', caseId: c.body.caseId }),
  );
  expect(s.body.closedAt).toBeUndefined();
  const r = await call('GET', `/workflows/runs/${encodeURIComponent(runId)}/result`);
  expect(r.status).toBe(409);
  expect(r.contentType).toContain(PROBLEM);
  expect((await call('POST', `/instances/${encodeURIComponent(runId)}/cancel`)).status).toBe(202);
}, 60_000);

describe('bad input', () => {
  const big = 'x'.repeat(5 * 1024 * 1024 + 10);
  const asJson = { 'content-type': 'application/json' };
  let defId: string;
  beforeAll(async () => {
    defId = (await deployFixture('case-parameters')).id;
  });

  const expectProblem = (res: { status: number; contentType: string }, status: number) => {
    expect({ status: res.status, problem: res.contentType.includes(PROBLEM) }).toEqual({
      status,
      problem: true,
    });
  };

  test('POST /cases: wrong types, lengths and unknown fields name each field; nothing stored', async () => {
    const res = await call('POST', '/cases', {
      firstName: 5,
      lastName: 'x'.repeat(101),
      personalNumber: 'BAD-STORE-1',
      phone: 'call me',
      email: 'not-an-email',
      nickname: 'Addy',
      shoeSize: 38,
    });
    expectProblem(res, 400);
    const paths = res.body.errors.map((e: any) => e.path);
    for (const p of ['firstName', 'lastName', 'phone', 'email', 'nickname', 'shoeSize'])
      expect(paths).toContain(`body.${p}`);
    // nothing stored: the same personal number creates a new case now
    expect((await call('POST', '/cases', { personalNumber: 'BAD-STORE-1' })).status).toBe(201);
    expectProblem(await call('POST', '/cases', [1, 2]), 400);
    expectProblem(
      await call('POST', '/cases', '{"firstName":', { 'content-type': 'application/json' }),
      400,
    );
    expectProblem(await call('POST', '/cases', JSON.stringify({ firstName: big }), asJson), 413);
    expectProblem(await call('GET', '/cases/00000000-0000-0000-0000-000000000000'), 404);
    expectProblem(await call('GET', '/cases/nope/runs'), 404);
  });

  test('POST /parameters: declared types, required, unknown names, unknown definition', async () => {
    const res = await call('POST', '/parameters', {
      workflowDefinitionId: defId,
      parameters: { param0: 'zero', param1: 1.5, param2: 'yes', extra: 1 },
    });
    expectProblem(res, 400);
    expect(res.body.errors.map((e: any) => e.path).sort()).toEqual([
      'body.parameters.extra',
      'body.parameters.param0',
      'body.parameters.param2',
      'body.parameters.param3',
    ]);
    expectProblem(
      await call('POST', '/parameters', {
        workflowDefinitionId: 'no-such-definition',
        parameters: {},
      }),
      404,
    );
    expectProblem(await call('POST', '/parameters', { workflowDefinitionId: defId }), 400);
    expectProblem(
      await call('POST', '/parameters', { workflowDefinitionId: defId, parameters: [] }),
      400,
    );
    expectProblem(
      await call(
        'POST',
        '/parameters',
        JSON.stringify({ workflowDefinitionId: defId, parameters: { param3: big } }),
        asJson,
      ),
      413,
    );
  });

  test('POST /workflows/run and GET /workflows/runs: unknown ids, wrong fields', async () => {
    const c = (await call('POST', '/cases', { firstName: 'Run' })).body.caseId;
    expectProblem(
      await call('POST', '/workflows/run', { workflowDefinitionId: 'nope', caseId: c }),
      404,
    );
    expectProblem(
      await call('POST', '/workflows/run', { workflowDefinitionId: defId, caseId: 'nope' }),
      404,
    );
    expectProblem(
      await call('POST', '/workflows/run', {
        workflowDefinitionId: defId,
        caseId: c,
        parametersId: 'nope',
      }),
      404,
    );
    // the definition requires its parameters: a run without them is refused
    const missing = await call('POST', '/workflows/run', {
      workflowDefinitionId: defId,
      caseId: c,
    });
    expectProblem(missing, 400);
    expect(missing.body.errors.map((e: any) => e.path)).toContain('body.parameters.param0');
    const extra = await call('POST', '/workflows/run', {
      workflowDefinitionId: defId,
      caseId: c,
      speed: 9,
    });
    expectProblem(extra, 400);
    expect(extra.body.errors).toEqual([expect.objectContaining({ path: 'body.speed' })]);
    expectProblem(
      await call('POST', '/workflows/run', { workflowDefinitionId: 1, caseId: true }),
      400,
    );
    expectProblem(
      await call('POST', '/workflows/run', JSON.stringify({ caseId: big }), asJson),
      413,
    );
    // no run was started for this case
    expect((await call('GET', `/cases/${c}/runs`)).body.items).toEqual([]);
    expectProblem(await call('GET', '/workflows/runs/no-such-run'), 404);
    expectProblem(await call('GET', '/workflows/runs/no-such-run/result'), 404);
    expectProblem(await call('GET', '/workflows/runs/x?wait=abc'), 400);
    expectProblem(await call('GET', '/workflows/runs/x?wait=600'), 400);
  });

  test('POST /webhooks: bad url, unknown events; nothing stored', async () => {
    const before = (await call('GET', '/webhooks')).body.items.length;
    expectProblem(
      await call('POST', '/webhooks', { url: 'ftp://example.com', events: ['run.completed'] }),
      400,
    );
    expectProblem(
      await call('POST', '/webhooks', { url: 'http://127.0.0.1:1/x', events: ['run.exploded'] }),
      400,
    );
    expectProblem(
      await call('POST', '/webhooks', { url: 'http://127.0.0.1:1/x', events: [] }),
      400,
    );
    expectProblem(
      await call('POST', '/webhooks', {
        url: 'http://127.0.0.1:1/x',
        events: ['run.completed'],
        secret: 's',
      }),
      400,
    );
    expectProblem(await call('POST', '/webhooks', JSON.stringify({ url: big }), asJson), 413);
    expectProblem(await call('DELETE', '/webhooks/nope'), 404);
    expect((await call('GET', '/webhooks')).body.items.length).toBe(before);
  });
});
