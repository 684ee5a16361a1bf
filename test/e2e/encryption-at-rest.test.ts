/**
 * Encryption at rest (issue 16), on a stack of the test's own with WAYMARK_CODEC_KEYS set:
 * the API shows an instance's variables in plaintext while the history Temporal stores (read
 * with `temporal workflow show`, as an operator would) holds only `binary/encrypted` payloads —
 * failure messages included; the codec endpoint decodes a payload of that history from the
 * Temporal Web UI's request, answers the UI's CORS preflight, and wants the API key.
 */
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ensureTemporalCli } from '../../src/temporal/dev-server';
import { Client, Connection, WorkflowFailedError } from '@temporalio/client';
import { createTaskWorker } from '../../src/task-worker';
import { codecDataConverter, parseCodecKeys } from '../../src/temporal/codec';
import { call, fixture } from '../support/api';
import { workflowShow } from '../support/temporal-cli';
import { startCodecStack, type CodecStack } from './support/codec-stack';

const MARKER = 'plain-text-marker';
const FAILURE_MARKER = 'failure-marker-7f3a';
const UI_ORIGIN = 'http://localhost:8233';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const text = (s: string | undefined) => Buffer.from(s ?? '', 'base64').toString('utf8');

const CODEC_KEYS = `k2:${randomBytes(32).toString('base64')},k1:${randomBytes(32).toString('base64')}`;
let stack: CodecStack;

beforeAll(async () => {
  stack = await startCodecStack({ WAYMARK_CODEC_KEYS: CODEC_KEYS });
}, 240_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

async function http(method: string, path: string, body?: unknown, headers = stack.headers) {
  const res = await fetch(`${stack.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const raw = await res.text();
  return { status: res.status, headers: res.headers, body: raw ? JSON.parse(raw) : undefined };
}

async function deploy(xml: string): Promise<void> {
  const res = await http('POST', '/definitions?deploy=true', xml, {
    ...stack.headers,
    'content-type': 'application/xml',
  });
  expect([200, 201]).toContain(res.status);
}

async function waitFor(id: string, done: (i: any) => boolean): Promise<any> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await http('GET', `/instances/${encodeURIComponent(id)}`);
    if (res.status === 200 && done(res.body)) return res.body;
    if (Date.now() > deadline) throw new Error(`instance ${id}: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The first payload list of the history: the start event's input. */
function startInput(history: any): { metadata: Record<string, string>; data: string }[] {
  const started = history.events.find((e: any) => e.workflowExecutionStartedEventAttributes);
  return started.workflowExecutionStartedEventAttributes.input.payloads;
}

/** The `encoding` of every payload in a history, search attributes left out. */
function payloadEncodings(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(payloadEncodings);
  if (!v || typeof v !== 'object') return [];
  const o = v as Record<string, any>;
  if (o.metadata?.encoding && 'data' in o) return [text(o.metadata.encoding)];
  return Object.entries(o)
    .filter(([k]) => k !== 'searchAttributes')
    .flatMap(([, val]) => payloadEncodings(val));
}

describe('with the codec on', () => {
  let instanceId: string;
  let history: string;

  beforeAll(async () => {
    await deploy(fixture('script-task'));
    const started = await http('POST', '/definitions/script-task/instances', {
      variables: { price: 10, quantity: 3, name: 'Ada', secret: MARKER },
    });
    expect(started.status).toBe(201);
    instanceId = started.body.instanceId;
    await waitFor(instanceId, (i) => i.status === 'COMPLETED' && i.queryError === undefined);
    history = await workflowShow(instanceId);
  }, 90_000);

  test('the API shows the variables in plaintext', async () => {
    const done = await waitFor(instanceId, (i) => i.status === 'COMPLETED');
    expect(done.variables).toEqual({
      price: 10,
      quantity: 3,
      name: 'Ada',
      secret: MARKER,
      total: 30,
      greeting: 'Hello Ada',
    });
  });

  test('temporal workflow show holds only ciphertext, marked binary/encrypted', () => {
    // Given the history as the CLI prints it (payload bytes in base64)
    expect(history).not.toContain(MARKER);
    expect(history).not.toContain(b64(`"${MARKER}"`).slice(0, 12));
    // Then every payload says binary/encrypted and names the first key
    const payloads = startInput(JSON.parse(history));
    expect(text(payloads[0].metadata.encoding)).toBe('binary/encrypted');
    expect(text(payloads[0].metadata['encryption-key-id'])).toBe('k2');
    expect(text(payloads[0].data)).not.toContain(MARKER);
    // And so do all others but the search attributes (visibility indexes them: not encoded)
    const encodings = payloadEncodings(JSON.parse(history));
    expect(encodings.length).toBeGreaterThan(3);
    expect(new Set(encodings)).toEqual(new Set(['binary/encrypted']));
  });

  test('the decode endpoint opens a payload of that history, sent as the Web UI sends it', async () => {
    // Given the start input exactly as the history holds it
    const payloads = startInput(JSON.parse(history));
    // When the Web UI posts it to the codec server
    const res = await http(
      'POST',
      '/codec/decode',
      { payloads },
      { ...stack.headers, 'x-namespace': 'default', origin: UI_ORIGIN },
    );
    // Then the plaintext payload comes back, with the CORS header the browser checks
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
    expect(res.body.payloads).toHaveLength(1);
    expect(text(res.body.payloads[0].metadata.encoding)).toBe('json/plain');
    expect(text(res.body.payloads[0].data)).toContain(MARKER);
  });

  test('temporal workflow show --codec-endpoint shows the plaintext through the endpoint', async () => {
    // Given the CLI pointed at the API's codec server (it posts to <endpoint>/decode)
    const { stdout } = await promisify(execFile)(
      await ensureTemporalCli(),
      [
        ...['workflow', 'show', '--workflow-id', instanceId, '--output', 'json'],
        ...['--address', process.env.TEMPORAL_ADDRESS as string],
        ...['--codec-endpoint', `${stack.url}/codec`, '--codec-auth', `Bearer ${stack.apiKey}`],
      ],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    // Then the history it prints is decoded
    expect(new Set(payloadEncodings(JSON.parse(stdout)))).toEqual(new Set(['json/plain']));
    expect(text(startInput(JSON.parse(stdout))[0].data)).toContain(MARKER);
  });

  test('encode then decode through the endpoint gives back the payload', async () => {
    const plain = { metadata: { encoding: b64('json/plain') }, data: b64('{"a":1}') };
    const encoded = await http('POST', '/codec/encode', { payloads: [plain] });
    expect(encoded.status).toBe(200);
    expect(text(encoded.body.payloads[0].metadata.encoding)).toBe('binary/encrypted');
    const decoded = await http('POST', '/codec/decode', encoded.body);
    expect(decoded.body).toEqual({ payloads: [plain] });
  });

  test('a failure message is encrypted in the history and readable through the API', async () => {
    // Given a task that fails with a known message (an incident after its one attempt)
    const xml = fixture('service-task-incident')
      .replace('id="service-task-incident"', 'id="codec-incident"')
      .replace(
        '<zeebe:taskDefinition type="fail" retries="1" />',
        `<zeebe:taskDefinition type="fail" retries="1" /><zeebe:taskHeaders><zeebe:header key="message" value="${FAILURE_MARKER}" /><zeebe:header key="waymark.activityMode" value="remote" /></zeebe:taskHeaders>`,
      );
    await deploy(xml);
    const started = await http('POST', '/definitions/codec-incident/instances', {});
    const id: string = started.body.instanceId;
    // Then the API names the message, the history does not
    const parked = await waitFor(id, (i) => i.incidents?.length === 1);
    expect(JSON.stringify(parked.incidents[0])).toContain(FAILURE_MARKER);
    const failed = await workflowShow(id);
    expect(failed).toContain('EVENT_TYPE_ACTIVITY_TASK_FAILED');
    expect(failed).not.toContain(FAILURE_MARKER);
    expect(failed).toContain('Encoded failure');
    // And a rejected update's message (a failure the workflow sandbox converts) reads in clear
    const retry = await http('POST', `/instances/${encodeURIComponent(id)}/incidents/bogus/retry`);
    expect(retry.status).toBe(404);
    expect(retry.body.detail).toBe('no open incident bogus in this instance');
    await http('POST', `/instances/${encodeURIComponent(id)}/cancel`);
  }, 90_000);

  test('a workflow failure (converted in the sandbox) is encrypted in the history', async () => {
    // Given a client with the codec starting a workflow the worker refuses
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    try {
      const client = new Client({
        connection,
        dataConverter: codecDataConverter({ codecKeys: parseCodecKeys(CODEC_KEYS) }),
      });
      const workflowId = `codec-bad-input-${process.pid}`;
      const run = client.workflow.execute('codec-bad-input', {
        workflowId,
        taskQueue: stack.taskQueue,
        args: [{ kind: FAILURE_MARKER }],
      });
      // Then the client reads the message, the history holds only 'Encoded failure'
      const err = await run.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkflowFailedError);
      expect((err as WorkflowFailedError).cause?.message).toContain(
        `unknown definition kind '${FAILURE_MARKER}'`,
      );
      const shown = await workflowShow(workflowId);
      expect(shown).toContain('EVENT_TYPE_WORKFLOW_EXECUTION_FAILED');
      expect(shown).toContain('Encoded failure');
      expect(shown).not.toContain(FAILURE_MARKER);
    } finally {
      await connection.close();
    }
  }, 60_000);

  test('a job worker with the same keys gets plaintext jobs, its result is sealed', async () => {
    // Given a custom task type served by createTaskWorker with the codec keys
    const type = `codec-job-${process.pid}`;
    const worker = await createTaskWorker(
      { [type]: ({ variables }) => ({ seen: `seen ${String(variables.secret)}` }) },
      { codecKeys: CODEC_KEYS },
    );
    const running = worker.run();
    try {
      await deploy(
        fixture('service-task-incident')
          .replace('id="service-task-incident"', 'id="codec-job"')
          .replace('type="fail"', `type="${type}"`),
      );
      // When an instance runs the task
      const started = await http('POST', '/definitions/codec-job/instances', {
        variables: { secret: MARKER },
      });
      const done = await waitFor(started.body.instanceId, (i) => i.status === 'COMPLETED');
      // Then the handler read the plaintext, and the history holds neither
      expect(done.variables).toEqual({ secret: MARKER, seen: `seen ${MARKER}` });
      const shown = await workflowShow(started.body.instanceId);
      expect(shown).not.toContain(MARKER);
      expect(shown).not.toContain(b64(`seen ${MARKER}`).slice(0, 8));
    } finally {
      await worker.shutdown();
      await running;
    }
  }, 90_000);

  test('CORS preflight: the Web UI origin gets the methods and headers, others nothing', async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.url}/codec/decode`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type,x-namespace',
        },
      });
    const ok = await preflight(UI_ORIGIN);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = (ok.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['authorization', 'content-type', 'x-namespace']) expect(allowed).toContain(h);
    const other = await preflight('http://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('without the API key → 401 (with CORS, so the UI can show it)', async () => {
    const res = await http(
      'POST',
      '/codec/decode',
      { payloads: [] },
      { 'content-type': 'application/json', origin: UI_ORIGIN },
    );
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
  });

  test('a payload of an unknown key, or tampered, is a 400 naming the problem', async () => {
    const [payload] = startInput(JSON.parse(history));
    const unknown = {
      ...payload,
      metadata: { ...payload.metadata, 'encryption-key-id': b64('k9') },
    };
    const res = await http('POST', '/codec/decode', { payloads: [unknown] });
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/key 'k9'/);
    const bad = await http('POST', '/codec/decode', { payloads: [{ data: 'not base64!' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('body.payloads.0.data');
  });
});

test('the shared stack (codec off) answers the codec endpoint with 404', async () => {
  const res = await call('POST', '/codec/decode', { payloads: [] });
  expect(res.status).toBe(404);
  expect(res.body.type).toBe('urn:waymark:problem:codec-off');
});
