/**
 * Starting instances: the checks made before Temporal is asked (unknown definition, draft,
 * disabled, named version, mandatory fields, body shape). No Temporal server needed.
 */
import { expectProblem, postXml, processXml, sendJson, startTestApi } from './support';
import type { TestApi } from './support';

describe('instance start validation', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    await postXml(api, processXml('draft-only'));
    await postXml(
      api,
      processXml('needs', { mandatory: 'customerName,order.number' }),
      '?deploy=true',
    );
    await postXml(api, processXml('off'), '?deploy=true');
    await sendJson(api, 'PATCH', '/definitions/off', { enabled: false });
  });
  afterAll(async () => {
    await api.close();
  });

  it('404 for an unknown definition', async () => {
    await expectProblem(await sendJson(api, 'POST', '/definitions/ghost/instances', {}), 404);
  });

  it('409 when only drafts exist, or a draft version is named', async () => {
    const res = await expectProblem(
      await sendJson(api, 'POST', '/definitions/draft-only/instances', {}),
      409,
    );
    expect(res.detail).toContain('no deployed version');
    await expectProblem(
      await sendJson(api, 'POST', '/definitions/draft-only/instances', { version: 1 }),
      409,
    );
    await expectProblem(
      await sendJson(api, 'POST', '/definitions/needs/instances', { version: 9 }),
      404,
    );
  });

  it('409 when the definition is disabled', async () => {
    const res = await expectProblem(
      await sendJson(api, 'POST', '/definitions/off/instances', {}),
      409,
    );
    expect(res.detail).toContain('disabled');
  });

  it('400 naming every missing mandatory field', async () => {
    const res = await expectProblem(
      await sendJson(api, 'POST', '/definitions/needs/instances', { variables: { order: {} } }),
      400,
    );
    expect(res.errors).toEqual([
      expect.objectContaining({ path: 'variables.customerName' }),
      expect.objectContaining({ path: 'variables.order.number' }),
    ]);
  });

  it('400 for a malformed body or business key', async () => {
    const res = await expectProblem(
      await sendJson(api, 'POST', '/definitions/needs/instances', {
        variables: [],
        businessKey: 'a/b',
        extra: 1,
      }),
      400,
    );
    const paths = (res.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.variables', 'body.businessKey', 'body.extra']),
    );
  });
});
