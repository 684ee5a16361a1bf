/**
 * POST /definitions with the real BPMN compiler: a valid Camunda model is stored, a
 * malformed document and an unsupported element answer 422 with positions and element ids.
 */
import { realCompile } from '../../src/api/compiler';
import { expectProblem, json, postXml, processXml, startTestApi } from './support';
import type { TestApi } from './support';

describe('definitions API with the real compiler', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ compile: realCompile });
  });
  afterAll(async () => {
    await api.close();
  });

  it('stores a valid model under its process id', async () => {
    const res = await postXml(
      api,
      processXml('real-order', { name: 'Real order', mandatory: 'customer' }),
      '?deploy=true',
    );
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({
      key: 'real-order',
      name: 'Real order',
      status: 'deployed',
    });
    const ir = await json(fetch(`${api.url}/definitions/real-order/versions/1?format=ir`));
    expect(ir.ir).toMatchObject({ processId: 'real-order', mandatory: ['customer'] });
  });

  it('422 with line and column for malformed XML', async () => {
    const body = await expectProblem(
      await postXml(
        api,
        '<?xml version="1.0"?>\n<bpmn:definitions>\n  <bpmn:process id="x">\n</bpmn:definitions>',
      ),
      422,
    );
    const errors = body.errors as { line?: number; column?: number }[];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toEqual(
      expect.objectContaining({ line: expect.any(Number), column: expect.any(Number) }),
    );
  });

  it('422 naming each unsupported element', async () => {
    const xml = processXml('real-broken', { extra: '<bpmn:complexGateway id="cg1" />' });
    const body = await expectProblem(await postXml(api, xml), 422);
    expect(body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ elementId: 'cg1' })]),
    );
  });
});
