/**
 * /definitions over real HTTP: upload, versions, deploy, enable/disable, export, delete,
 * and the problem+json answers (400, 404, 413, 415, 422 with every problem).
 */
import {
  expectProblem,
  json,
  postXml,
  processXml,
  sendJson,
  startTestApi,
  temporalAddress,
} from './support';
import type { TestApi } from './support';

describe('definitions API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('creates a draft version from BPMN XML and lists it', async () => {
    const res = await postXml(api, processXml('order', { name: 'Order' }));
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body).toMatchObject({
      key: 'order',
      kind: 'bpmn',
      name: 'Order',
      version: 1,
      status: 'draft',
      enabled: true,
    });
    expect(res.headers.get('location')).toContain(`/definitions/${body.id}`);

    const list = await json(fetch(`${api.url}/definitions`));
    const item = list.items.find((d: { key: string }) => d.key === 'order');
    expect(item).toMatchObject({
      id: body.id,
      latestVersion: 1,
      deployedVersion: null,
      enabled: true,
    });
    if (temporalAddress) expect(item.activeInstances).toBe(0);
    else expect(item.activeInstances).toBeNull();
  });

  it('answers 200 for unchanged content, numbers new versions, deploys with ?deploy=true', async () => {
    const xml = processXml('versions');
    expect((await postXml(api, xml)).status).toBe(201);
    const same = await postXml(api, xml);
    expect(same.status).toBe(200);
    expect(await json(same)).toMatchObject({ version: 1, created: false });
    const v2 = await postXml(api, processXml('versions', { name: 'Renamed' }), '?deploy=true');
    expect(v2.status).toBe(201);
    expect(await json(v2)).toMatchObject({ version: 2, status: 'deployed', name: 'Renamed' });

    const one = await json(fetch(`${api.url}/definitions/versions`));
    expect(one).toMatchObject({ key: 'versions', latestVersion: 2, deployedVersion: 2 });
    expect(
      one.versions.map((v: { version: number; status: string }) => [v.version, v.status]),
    ).toEqual([
      [1, 'draft'],
      [2, 'deployed'],
    ]);
    // by id too
    expect((await fetch(`${api.url}/definitions/${one.id}`)).status).toBe(200);
  });

  it('serves a version source as stored, with its content type, and deploys a draft', async () => {
    const xml = processXml('source');
    await postXml(api, xml);
    const res = await fetch(`${api.url}/definitions/source/versions/1`);
    expect(res.headers.get('content-type')).toContain('application/xml');
    expect(res.headers.get('waymark-version-status')).toBe('draft');
    expect(await res.text()).toBe(xml);

    const ir = await json(fetch(`${api.url}/definitions/source/versions/1?format=ir`));
    expect(ir.ir).toMatchObject({ kind: 'bpmn', processId: 'source' });

    const deployed = await fetch(`${api.url}/definitions/source/versions/1/deploy`, {
      method: 'POST',
    });
    expect(deployed.status).toBe(200);
    expect(await json(deployed)).toMatchObject({
      version: 1,
      status: 'deployed',
      deployedAt: expect.any(String),
    });

    await expectProblem(await fetch(`${api.url}/definitions/source/versions/7`), 404);
    await expectProblem(
      await fetch(`${api.url}/definitions/source/versions/7/deploy`, { method: 'POST' }),
      404,
    );
    await expectProblem(await fetch(`${api.url}/definitions/source/versions/abc`), 400);
  });

  it('exports the deployed version as a file', async () => {
    const xml = processXml('exported');
    await postXml(api, xml, '?deploy=true');
    await postXml(api, processXml('exported', { name: 'draft' }));
    const res = await fetch(`${api.url}/definitions/exported/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('exported.bpmn');
    expect(res.headers.get('waymark-version')).toBe('1');
    expect(await res.text()).toBe(xml);
  });

  it('enables and disables; validates the PATCH body', async () => {
    await postXml(api, processXml('toggle'));
    const off = await sendJson(api, 'PATCH', '/definitions/toggle', { enabled: false });
    expect(off.status).toBe(200);
    expect(await json(off)).toMatchObject({ key: 'toggle', enabled: false });
    const bad = await expectProblem(
      await sendJson(api, 'PATCH', '/definitions/toggle', { enabled: 'no' }),
      400,
    );
    expect(bad.errors).toEqual([expect.objectContaining({ path: 'body.enabled' })]);
    await expectProblem(
      await sendJson(api, 'PATCH', '/definitions/missing', { enabled: true }),
      404,
    );
    await expectProblem(
      await fetch(`${api.url}/definitions/toggle`, {
        method: 'PATCH',
        headers: { 'content-type': 'text/plain' },
        body: 'x',
      }),
      415,
    );
  });

  it('answers 422 with every model problem and its element id, storing nothing', async () => {
    const xml = processXml('broken', {
      extra: '<bpmn:complexGateway id="cg1" /><bpmn:complexGateway id="cg2" />',
    });
    const body = await expectProblem(await postXml(api, xml), 422);
    expect(body.errors).toEqual([
      expect.objectContaining({
        elementId: 'cg1',
        rule: 'unsupported-element',
        message: expect.any(String),
      }),
      expect.objectContaining({ elementId: 'cg2', rule: 'unsupported-element' }),
    ]);
    await expectProblem(await fetch(`${api.url}/definitions/broken`), 404);
  });

  it('answers 422 with line and column for a malformed document', async () => {
    const body = await expectProblem(
      await postXml(api, '<bpmn:definitions>\n<!-- MALFORMED -->'),
      422,
    );
    expect(body.errors).toEqual([expect.objectContaining({ line: 3, column: 7 })]);
  });

  it('answers 413 problem+json for a body over the limit', async () => {
    const filler = `<!-- ${'x'.repeat(5 * 1024 * 1024)} -->`;
    const body = await expectProblem(
      await postXml(api, processXml('huge', { extra: filler })),
      413,
    );
    expect(body.detail).toContain('limit');
  });

  it('answers 415 for other media types, 422 for BPMN sent as JSON and for invalid JSON kinds', async () => {
    await expectProblem(
      await fetch(`${api.url}/definitions`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'x',
      }),
      415,
    );
    const asJson = await expectProblem(
      await sendJson(api, 'POST', '/definitions', { kind: 'bpmn', code: 'x' }),
      422,
    );
    expect(asJson.detail).toContain('uploaded as XML');
    const invalid = await expectProblem(
      await sendJson(api, 'POST', '/definitions', { kind: 'integration', code: 'x' }),
      422,
    );
    expect(invalid.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: expect.any(String) })]),
    );
    const bad = await expectProblem(
      await sendJson(api, 'POST', '/definitions', { kind: 'nope' }),
      400,
    );
    expect(bad.errors).toEqual([expect.objectContaining({ path: 'body.kind' })]);
    await expectProblem(
      await fetch(`${api.url}/definitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{oops',
      }),
      400,
    );
    await expectProblem(await postXml(api, '   '), 400);
  });

  it('answers 404 problem+json for unknown definitions and routes', async () => {
    await expectProblem(await fetch(`${api.url}/definitions/nope`), 404);
    await expectProblem(await fetch(`${api.url}/definitions/nope/export`), 404);
    await expectProblem(await fetch(`${api.url}/definitions/nope`, { method: 'DELETE' }), 404);
    await expectProblem(await fetch(`${api.url}/no/such/route`), 404);
  });

  (temporalAddress ? it : it.skip)('deletes a definition without running instances', async () => {
    await postXml(api, processXml('doomed'));
    expect((await fetch(`${api.url}/definitions/doomed`, { method: 'DELETE' })).status).toBe(204);
    await expectProblem(await fetch(`${api.url}/definitions/doomed`), 404);
  });

  (temporalAddress ? it.skip : it)(
    'refuses to delete when it cannot count running instances',
    async () => {
      await postXml(api, processXml('kept'));
      await expectProblem(await fetch(`${api.url}/definitions/kept`, { method: 'DELETE' }), 503);
      expect((await fetch(`${api.url}/definitions/kept`)).status).toBe(200);
    },
  );
});
