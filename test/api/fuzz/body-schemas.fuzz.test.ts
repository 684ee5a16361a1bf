/**
 * A fuzzer over the API's request bodies through real HTTP: every POST/PATCH/PUT operation of
 * the OpenAPI document gets random bodies (bodies.ts). The API must answer every one in time,
 * never with a 5xx, a rejection as application/problem+json with a title and detail, and a
 * rejection must leave every registry table as it was.
 *
 * Temporal is deliberately unreachable here (a lazy client to a closed port): the fuzzer
 * tests validation and the registry, and never starts workflows. So a body that passes
 * validation and reaches Temporal gets 503 (or 502/504), which is accepted as "valid enough"
 * — still as problem+json, and still storing nothing. `WAYMARK_PROPERTY_RUNS` sets the cases
 * per operation (default 25).
 */
import fc from 'fast-check';
import { openapiDocument } from '../../../src/api/openapi-document';
import { postXml, processXml, startTestApi } from '../support';
import type { Json, TestApi } from '../support';
import { bodyArb, encode, fieldsOf } from './bodies';
import type { Body } from './bodies';
import { storeCounts } from './store-counts';
import { propertyParams } from '../../support/property-params';

const fcParams = propertyParams(25);
const TEMPORAL_UNREACHABLE = new Set([502, 503, 504]);
const REQUEST_TIMEOUT_MS = 10_000;

interface Operation {
  method: string;
  path: string;
  fields: string[];
  schema?: Json;
}

function operationsOf(doc: Json): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const method of ['post', 'put', 'patch']) {
      const op = ops[method] as Json | undefined;
      if (!op) continue;
      const schema = op.requestBody?.content?.['application/json']?.schema as Json | undefined;
      out.push({ method: method.toUpperCase(), path, fields: fieldsOf(doc, schema), schema });
    }
  }
  return out;
}

let api: TestApi;
let params: Record<string, string>;

beforeAll(async () => {
  api = await startTestApi({ temporalAddress: '127.0.0.1:1', timeoutMs: 500 });
  const res = await postXml(api, processXml('fuzz-proc', { name: 'Fuzz' }));
  const created = (await res.json()) as Json;
  if (res.status !== 201) throw new Error(`setup: ${res.status} ${JSON.stringify(created)}`);
  params = {
    idOrKey: String(created.id ?? created.key ?? 'fuzz-proc'),
    v: '1',
    id: 'fuzz-instance',
    incidentId: 'incident-1',
    flowElementInstanceId: encodeURIComponent('fuzz-instance/review/1'),
    code: 'fuzz-code',
    token: 'not-a-token',
    key: 'fuzz-decision',
  };
});
afterAll(() => api?.close());

const doc = openapiDocument('http://127.0.0.1');
const operations = operationsOf(doc);

async function send(op: Operation, body: Body): Promise<{ res: Response; text: string }> {
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => params[name] ?? 'x');
  const res = await fetch(`${api.url}${path}`, {
    method: op.method,
    headers: { 'content-type': 'application/json' },
    body: encode(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return { res, text: await res.text() };
}

function answerProblem(status: number, type: string | null, text: string): string | undefined {
  if (status >= 500 && !TEMPORAL_UNREACHABLE.has(status)) return `answered ${status}: ${text}`;
  if (status < 400) return undefined;
  if (!type?.includes('application/problem+json'))
    return `${status} as ${type}: ${text.slice(0, 200)}`;
  const body = JSON.parse(text) as Json;
  if (typeof body.title !== 'string' || !body.title) return `${status} without title: ${text}`;
  if (typeof body.detail !== 'string' || !body.detail) return `${status} without detail: ${text}`;
  return undefined;
}

describe('API body fuzzer', () => {
  it('finds the documented write operations', () => {
    expect(operations.length).toBeGreaterThan(10);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toContain('POST /definitions');
  });

  it.each(operations.map((o) => [`${o.method} ${o.path}`, o] as const))(
    '%s: no 5xx, problem+json on 4xx, nothing stored on a rejection',
    async (_name, op) => {
      await fc.assert(
        fc.asyncProperty(bodyArb(op.fields, doc, op.schema), async (body) => {
          const before = await storeCounts(api.registry);
          const { res, text } = await send(op, body);
          const bad = answerProblem(res.status, res.headers.get('content-type'), text);
          if (bad) throw new Error(`${op.method} ${op.path} ${encode(body).slice(0, 300)}: ${bad}`);
          if (res.status >= 400) expect(await storeCounts(api.registry)).toEqual(before);
        }),
        fcParams,
      );
    },
    120_000,
  );
});
