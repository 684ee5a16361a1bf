/**
 * Auth, health, metrics and the API description.
 */
import { assertSafeBind } from '../../src/api/auth';
import { expectProblem, json, postXml, processXml, startTestApi } from './support';
import type { TestApi } from './support';

describe('API keys', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { WAYMARK_API_KEYS: 'alpha-key-123, beta-key-456' } });
  });
  afterAll(async () => {
    await api.close();
  });

  it('401 problem+json without or with a wrong key', async () => {
    const missing = await fetch(`${api.url}/definitions`);
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    await expectProblem(missing, 401);
    await expectProblem(
      await fetch(`${api.url}/definitions`, { headers: { authorization: 'Bearer nope' } }),
      401,
    );
    await expectProblem(
      await fetch(`${api.url}/definitions`, { headers: { authorization: 'alpha-key-123' } }),
      401,
    );
    await expectProblem(await fetch(`${api.url}/metrics`), 401);
  });

  it('accepts each configured key', async () => {
    for (const key of ['alpha-key-123', 'beta-key-456']) {
      const res = await fetch(`${api.url}/definitions`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(res.status).toBe(200);
    }
  });

  it('leaves health and the API description open', async () => {
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
    expect((await fetch(`${api.url}/openapi.json`)).status).toBe(200);
    expect((await fetch(`${api.url}/docs/`)).status).toBe(200);
  });
});

describe('assertSafeBind', () => {
  it('refuses a non-loopback host without keys', () => {
    expect(() => assertSafeBind({ HOST: '0.0.0.0', apiKeys: [] })).toThrow(/WAYMARK_API_KEYS/);
    expect(() => assertSafeBind({ HOST: '10.1.2.3', apiKeys: [] })).toThrow();
    expect(() => assertSafeBind({ HOST: '0.0.0.0', apiKeys: ['k'] })).not.toThrow();
    for (const host of ['127.0.0.1', 'localhost', '::1'])
      expect(() => assertSafeBind({ HOST: host, apiKeys: [] })).not.toThrow();
  });
});

describe('operations endpoints', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ timeoutMs: 500 });
  });
  afterAll(async () => {
    await api.close();
  });

  it('is live; ready reports each check', async () => {
    expect(await json(fetch(`${api.url}/health/live`))).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.url}/health/ready`);
    const body = await json(ready);
    expect(body.checks.registry).toEqual({ ok: true });
    if (process.env.TEMPORAL_ADDRESS) expect(ready.status).toBe(200);
    else {
      expect(ready.status).toBe(503);
      expect(body.checks.temporal.ok).toBe(false);
    }
  });

  it('counts requests in /metrics', async () => {
    await postXml(api, processXml('metered'));
    const text = await (await fetch(`${api.url}/metrics`)).text();
    expect(text).toMatch(
      /waymark_http_requests_total\{method="POST",route="\/definitions",status="201"\} 1/,
    );
    expect(text).toContain('waymark_http_request_duration_seconds_bucket');
  });

  it('describes itself in OpenAPI', async () => {
    const doc = await json(fetch(`${api.url}/openapi.json`));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/definitions',
        '/definitions/{idOrKey}/instances',
        '/instances/{id}',
        '/user-tasks',
      ]),
    );
    const start =
      doc.paths['/definitions/{idOrKey}/instances'].post.requestBody.content['application/json']
        .schema;
    expect(Object.keys(start.properties)).toEqual(['variables', 'businessKey', 'version']);
  });
});

describe('Temporal out of reach', () => {
  let api: TestApi;
  beforeAll(async () => {
    // Nothing listens on port 1: every Temporal call fails UNAVAILABLE (or runs out of time).
    api = await startTestApi({ temporalAddress: '127.0.0.1:1', timeoutMs: 500 });
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers 503 temporal-unavailable, not 500, and not a run "outcome"', async () => {
    for (const path of ['/instances/some-id', '/workflows/runs/some-id/result']) {
      const res = await fetch(`${api.url}${path}`);
      const body = await expectProblem(res, 503);
      expect(body.type).toContain('temporal-unavailable');
    }
  });
});
