/**
 * The runs API routes that need no Temporal server: case and parameter validation,
 * webhook subscriptions, environments, and the webhook-start checks that come before a start
 * (token 401, scope 403, unknown 404, draft/disabled 409); plus parameter checking and the
 * webhook signature on their own.
 */
import { createHmac } from 'node:crypto';
import { signWebhook } from '../../activities/webhook-delivery';
import { checkParameters } from '../../src/api/parameters-check';
import type { ProcessIR } from '../../src/model/bpmn/ir';
import { expectProblem, json, sendJson, startTestApi, type TestApi } from './support';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: { WAYMARK_API_KEYS: 'operator-key' } });
});
afterAll(() => api.close());

const op = { authorization: 'Bearer operator-key' };
const ir = (parameters: ProcessIR['parameters'], mandatory: string[] = []): ProcessIR => ({
  kind: 'bpmn',
  processId: 'p',
  startEventId: 's',
  elements: {},
  flows: {},
  mandatory,
  parameters,
});

test('signWebhook: HMAC-SHA256 over "<t>.<body>"', () => {
  const mac = createHmac('sha256', 'sec').update('17.{"a":1}').digest('hex');
  expect(signWebhook('sec', 17, '{"a":1}')).toBe(`t=17,v1=${mac}`);
});

test('checkParameters: types, required, unknown; no declarations accept anything', () => {
  const decls: ProcessIR['parameters'] = [
    { name: 'n', type: 'number', required: true },
    { name: 'o', type: 'object', required: false },
  ];
  expect(checkParameters(decls, { n: 1.5, o: { a: 1 } })).toEqual([]);
  expect(checkParameters(decls, { o: 'x', z: 1 }).map((p) => p.path)).toEqual([
    'body.parameters.n',
    'body.parameters.o',
    'body.parameters.z',
  ]);
  expect(checkParameters([], { anything: [1] })).toEqual([]);
});

test('the Workflows API needs the API key; webhook starts do not use it', async () => {
  await expectProblem(await sendJson(api, 'POST', '/cases', {}), 401);
  await expectProblem(
    await sendJson(
      api,
      'POST',
      '/webhook/send?uid=x',
      {},
      { authorization: 'Bearer operator-key' },
    ),
    401,
  );
});

test('POST /cases validates every field and reuses returning users', async () => {
  const bad = await expectProblem(
    await sendJson(api, 'POST', '/cases', { email: 'x', phone: 7, alias: 'a' }, op),
    400,
  );
  expect((bad.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
    'body.alias',
    'body.email',
    'body.phone',
  ]);
  const first = await sendJson(api, 'POST', '/cases', { externalId: 'u-1', firstName: 'A' }, op);
  expect(first.status).toBe(201);
  const again = await sendJson(api, 'POST', '/cases', { externalId: 'u-1' }, op);
  expect(again.status).toBe(200);
  expect((await json(again)).caseId).toBe((await json(first)).caseId);
});

test('POST /parameters validates against the declared parameters', async () => {
  const { definition } = await api.registry.definitions.createVersion({
    key: 'declares',
    kind: 'bpmn',
    source: '<a/>',
    sourceType: 'xml',
    compiled: ir([{ name: 'param0', type: 'number', required: true }]),
    deploy: true,
  });
  const bad = await expectProblem(
    await sendJson(
      api,
      'POST',
      '/parameters',
      { workflowDefinitionId: definition.id, parameters: { param0: '0' } },
      op,
    ),
    400,
  );
  expect(bad.errors).toEqual([
    { path: 'body.parameters.param0', message: 'expected number, got string' },
  ]);
  const ok = await sendJson(
    api,
    'POST',
    '/parameters',
    { workflowDefinitionId: definition.id, parameters: { param0: 0 } },
    op,
  );
  expect(ok.status).toBe(201);
  expect((await json(ok)).parametersId).toEqual(expect.any(String));
  await expectProblem(
    await sendJson(
      api,
      'POST',
      '/parameters',
      { workflowDefinitionId: 'nope', parameters: {} },
      op,
    ),
    404,
  );
});

test('webhook start: 401 / 404 / 403 / 409 draft / 409 disabled / 400 mandatory', async () => {
  const deployed = await api.registry.definitions.createVersion({
    key: 'hooked',
    kind: 'bpmn',
    source: '<b/>',
    sourceType: 'xml',
    compiled: ir([], ['customerName', 'productCode']),
    deploy: true,
  });
  const draft = await api.registry.definitions.createVersion({
    key: 'drafty',
    kind: 'bpmn',
    source: '<c/>',
    sourceType: 'xml',
    compiled: ir([]),
  });
  const scoped = await json(
    sendJson(api, 'POST', '/environments', { name: 's', definitions: ['hooked'] }, op),
  );
  expect(scoped.definitions).toEqual([deployed.definition.id]);
  const all = await json(sendJson(api, 'POST', '/environments', { name: 'all' }, op));
  const send = (uid: string, token: string | undefined, body: unknown) =>
    sendJson(api, 'POST', `/webhook/send?uid=${uid}`, body, token ? { authorization: token } : {});

  await expectProblem(await send(deployed.definition.id, undefined, {}), 401);
  await expectProblem(await send(deployed.definition.id, 'wrong', {}), 401);
  await expectProblem(await send('nope', all.token as string, {}), 404);
  await expectProblem(await send(draft.definition.id, scoped.token as string, {}), 403);
  const d = await expectProblem(await send(draft.definition.id, all.token as string, {}), 409);
  expect(d.detail).toMatch(/draft versions cannot be started/);
  const m = await expectProblem(
    await send(deployed.definition.id, `Bearer ${scoped.token as string}`, {
      payload: { customerName: 'x' },
    }),
    400,
  );
  expect(m.detail).toContain('productCode');
  await api.registry.definitions.setEnabled('hooked', false);
  await expectProblem(await send(deployed.definition.id, scoped.token as string, {}), 409);
});
