/**
 * Integration workflows end to end: deployed as JSON through the HTTP API and run on the real
 * stack against real HTTP servers started here — a customer service (http nodes) and an
 * OpenAI-compatible chat-completions endpoint on the port the global setup gave the stack
 * (WAYMARK_AI_BASE_URL). Standalone, from a BPMN send + receive task pair and from a service
 * task (as child workflows of the process); ai output validation and incidents; then the
 * recorded histories are replayed with the current workflow code.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import {
  call,
  deployFixture,
  fixturesDir,
  getInstance,
  startInstance,
  trailIds,
  waitFor,
} from '../support/api';
import { ReplayCheck } from '../support/histories';

jest.setTimeout(120_000);

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

const definition = (name: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(fixturesDir, 'integration', `${name}.json`), 'utf8'));

interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: any;
}

/** A real HTTP server answering `handler`, recording every request. */
async function server(
  port: number,
  handler: (req: Recorded) => { status?: number; body: unknown },
): Promise<{ url: string; requests: Recorded[]; close: () => Promise<void> }> {
  const requests: Recorded[] = [];
  const srv = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      const rec: Recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: raw ? JSON.parse(raw) : undefined,
      };
      requests.push(rec);
      const out = handler(rec);
      res.writeHead(out.status ?? 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(out.body));
    });
  });
  await new Promise<void>((resolve) => srv.listen(port, '127.0.0.1', resolve));
  const { port: actual } = srv.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    requests,
    close: () => new Promise((resolve) => srv.close(() => resolve())),
  };
}

const customers: Record<string, { name: string; revenue: number }> = {
  'c-1': { name: 'Ada', revenue: 5000 },
  'c-2': { name: 'Bob', revenue: 100 },
};

let api: Awaited<ReturnType<typeof server>>;
let ai: Awaited<ReturnType<typeof server>>;
/** What the AI endpoint answers as message content. */
let aiAnswer = '{"name":"ACME","amount":12.5}';
let temporal: Connection;
let client: Client;

beforeAll(async () => {
  api = await server(0, (req) => {
    const m = /^\/customers\/([^/?]+)/.exec(req.url);
    if (req.method === 'GET' && m) {
      const c = customers[m[1]!];
      return c ? { body: { id: m[1], ...c } } : { status: 404, body: { error: 'unknown' } };
    }
    const n = /^\/notify\/(gold|basic)$/.exec(req.url);
    if (req.method === 'POST' && n) return { body: { ticket: `T-${n[1]}-${req.body.customer}` } };
    return { status: 404, body: {} };
  });
  ai = await server(Number(process.env.WAYMARK_TEST_AI_PORT), () => ({
    body: {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      choices: [
        { index: 0, message: { role: 'assistant', content: aiAnswer }, finish_reason: 'stop' },
      ],
    },
  }));
  temporal = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  client = new Client({ connection: temporal });
  for (const name of ['it-enrich', 'it-ai-extract']) {
    const res = await call('POST', '/definitions?deploy=true', definition(name));
    expect([200, 201]).toContain(res.status);
    expect(res.body).toEqual(expect.objectContaining({ kind: 'integration', status: 'deployed' }));
  }
});

afterAll(async () => {
  await api?.close();
  await ai?.close();
  await temporal?.close();
});

/**
 * The child workflows of `parentId` that run definitions, from visibility (eventually
 * consistent: polled). Webhook `waymark.notify` children are left out: another test file may
 * have a completion webhook subscribed while this one runs.
 */
async function childrenOf(
  parentId: string,
  expected = 1,
): Promise<{ workflowId: string; type: string }[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found: { workflowId: string; type: string }[] = [];
    const query = `ParentWorkflowId = '${parentId}' AND WorkflowType != 'waymark.notify'`;
    for await (const w of client.workflow.list({ query }))
      found.push({ workflowId: w.workflowId, type: w.type });
    if (found.length >= expected || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 300));
  }
}

test('GET /schemas/integration serves the JSON Schema', async () => {
  const res = await call('GET', '/schemas/integration');
  expect(res.status).toBe(200);
  expect(res.body.properties).toEqual(expect.objectContaining({ nodes: expect.any(Object) }));
  expect((await call('GET', '/schemas/nope')).status).toBe(404);
});

test('an invalid definition is rejected with every problem and its node', async () => {
  const res = await call('POST', '/definitions', {
    kind: 'integration',
    key: 'it-broken',
    nodes: [
      { id: 'a', type: 'transform', set: { x: '1 +' }, next: 'nowhere' },
      { id: 'b', type: 'switch', cases: [{ when: 'x > 1', next: 'ghost' }] },
    ],
  });
  expect(res.status).toBe(422);
  expect(res.body.errors.map((e: any) => e.path).sort()).toEqual(
    ['nodes.a.next', 'nodes.a.set.x', 'nodes.b.cases.0.next'].sort(),
  );
});

test('standalone: http → transform → switch → http completes with the output', async () => {
  // given the deployed it-enrich, when it is started with its inputs
  const id = await startInstance('it-enrich', {
    variables: { customerId: 'c-1', apiBase: api.url },
  });
  replay.add(id, 'integration-standalone');
  const done = await waitFor(id);
  // then it completes with the output mapping, the trail shows the nodes visited
  expect(done.status).toBe('COMPLETED');
  expect(done.result).toEqual({
    customerId: 'c-1',
    name: 'ADA',
    tier: 'gold',
    ticket: 'T-gold-c-1',
  });
  expect(trailIds(done)).toEqual(['fetch', 'classify', 'route', 'notifyGold']);
  expect(done.variables).toEqual(expect.objectContaining({ tier: 'gold', displayName: 'ADA' }));
  expect(done.definition).toEqual(expect.objectContaining({ key: 'it-enrich', version: 1 }));
  // and the requests were rendered from the templates
  const fetch = api.requests.find((r) => r.url === '/customers/c-1');
  expect(fetch?.headers['x-request-id']).toBe('c-1');
  const notify = api.requests.find((r) => r.url === '/notify/gold' && r.body.customer === 'c-1');
  expect(notify?.body).toEqual({ customer: 'c-1', name: 'Dear ADA', revenue: 5000 });
});

test('standalone: inputs are validated at start (400 naming each field)', async () => {
  const res = await call('POST', '/definitions/it-enrich/instances', {
    variables: { customerId: 7 },
  });
  expect(res.status).toBe(400);
  expect(res.body.errors.map((e: any) => e.path).sort()).toEqual([
    'variables.apiBase',
    'variables.customerId',
  ]);
});

test('BPMN send task + receive task: the output arrives at the receive task, at resultKey', async () => {
  await deployFixture('integration-send-receive');
  const id = await startInstance('integration-send-receive', {
    variables: { customer: { id: 'c-2' }, apiBase: api.url },
  });
  replay.add(id, 'integration-send-receive');
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'SendTask_Enrich',
    'ReceiveTask_Enriched',
    'EndEvent_1',
  ]);
  expect(done.variables).toEqual({
    customer: { id: 'c-2' },
    apiBase: api.url,
    enriched: { customerId: 'c-2', name: 'BOB', tier: 'basic', ticket: 'T-basic-c-2' },
  });
  // the integration ran as a child workflow of the process
  const children = await childrenOf(id);
  expect(children).toEqual([expect.objectContaining({ type: 'it-enrich' })]);
  const child = await getInstance(children[0]!.workflowId);
  expect(child.status).toBe('COMPLETED');
  expect(trailIds(child)).toEqual(['fetch', 'classify', 'route', 'notifyBasic']);
  replay.add(children[0]!.workflowId, 'integration-send-receive-child');
});

test('a zeebe:input source "${processInstanceData.customer.id}" is a template: the child gets the id', async () => {
  // given the send-task model, its input written the seed's way (a template, not FEEL)
  const xml = fs
    .readFileSync(path.join(fixturesDir, 'bpmn', 'integration-send-receive.bpmn'), 'utf8')
    .replace('id="integration-send-receive"', 'id="integration-input-template"')
    .replace('source="=customer.id"', 'source="${processInstanceData.customer.id}"');
  const deployed = await call('POST', '/definitions?deploy=true', xml, {
    'content-type': 'application/xml',
  });
  expect(deployed.status).toBe(201);
  // when it starts
  const id = await startInstance('integration-input-template', {
    variables: { customer: { id: 'c-2' }, apiBase: api.url },
  });
  replay.add(id, 'integration-input-template');
  // then the integration child started with the customer id, not the placeholder
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables.enriched).toEqual(expect.objectContaining({ customerId: 'c-2' }));
  const [child] = await childrenOf(id);
  expect(child).toEqual(expect.objectContaining({ type: 'it-enrich' }));
  replay.add(child!.workflowId, 'integration-input-template-child');
});

test('BPMN service task of type integration: inputs from header placeholders', async () => {
  await deployFixture('integration-service-task');
  const id = await startInstance('integration-service-task', {
    variables: { customer: { id: 'c-1' }, apiBase: api.url },
  });
  replay.add(id, 'integration-service-task');
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual(['StartEvent_1', 'ServiceTask_Enrich', 'EndEvent_1']);
  expect(done.variables.enrichment).toEqual({
    customerId: 'c-1',
    name: 'ADA',
    tier: 'gold',
    ticket: 'T-gold-c-1',
  });
  expect(await childrenOf(id)).toEqual([expect.objectContaining({ type: 'it-enrich' })]);
});

test('a send task of type integration without a receive task after it is rejected', async () => {
  const xml = fs.readFileSync(
    path.join(fixturesDir, 'bpmn', 'invalid', 'integration-task.bpmn'),
    'utf8',
  );
  const res = await call('POST', '/definitions', xml, { 'content-type': 'application/xml' });
  expect(res.status).toBe(422);
  const mine = res.body.errors.filter((e: any) => e.rule === 'integration-task');
  expect(mine.map((e: any) => e.elementId).sort()).toEqual([
    'Send_NoReceive',
    'Service_NoWorkflow',
  ]);
  expect(mine.find((e: any) => e.elementId === 'Send_NoReceive').message).toMatch(/receive task/);
});

test('ai node: prompt sent as configured, JSON answer validated, invalid answer → incident, retry', async () => {
  await deployFixture('integration-ai');
  // given an AI endpoint answering valid JSON, a standalone run returns the parsed answer
  aiAnswer = '{"name":"ACME","amount":12.5}';
  const standalone = await startInstance('it-ai-extract', {
    variables: { text: 'ACME ordered for 12.50 EUR' },
  });
  replay.add(standalone, 'integration-ai-standalone');
  const ok = await waitFor(standalone);
  expect(ok.status).toBe('COMPLETED');
  expect(ok.result).toEqual({ name: 'ACME', amount: 12.5 });
  const sent = ai.requests.at(-1)!;
  expect(sent.url).toBe('/v1/chat/completions');
  expect(sent.headers.authorization).toBe('Bearer test-ai-key');
  expect(sent.body).toEqual(
    expect.objectContaining({
      model: 'waymark-test-model',
      messages: [
        { role: 'system', content: 'You extract orders. Answer with JSON only.' },
        {
          role: 'user',
          content: 'Extract the customer name and the amount from: ACME ordered for 12.50 EUR',
        },
      ],
      response_format: expect.objectContaining({ type: 'json_schema' }),
    }),
  );

  // when the answer does not match the schema, the BPMN task gets an incident with the reason
  aiAnswer = '{"name":42}';
  const id = await startInstance('integration-ai', { variables: { text: 'gibberish' } });
  replay.add(id, 'integration-ai-incident');
  const parked = await waitFor(id, (i) => i.incidents?.length === 1, 60_000);
  expect(parked.status).toBe('RUNNING');
  expect(parked.incidents[0]).toEqual(
    expect.objectContaining({ elementId: 'ServiceTask_Extract' }),
  );
  expect(parked.incidents[0].message).toMatch(/does not match the schema/);
  const failedChild = (await childrenOf(id))[0]!;
  expect((await getInstance(failedChild.workflowId)).status).toBe('FAILED');

  // and retrying the incident runs the child again, which now succeeds
  aiAnswer = '```json\n{"name":"Globex","amount":3}\n```';
  const retry = await call(
    'POST',
    `/instances/${encodeURIComponent(id)}/incidents/${encodeURIComponent(parked.incidents[0].id)}/retry`,
  );
  expect(retry.status).toBe(200);
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(done.variables.extracted).toEqual({ name: 'Globex', amount: 3 });
  expect(await childrenOf(id, 2)).toHaveLength(2);
});
