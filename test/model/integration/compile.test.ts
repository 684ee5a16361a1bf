/**
 * The integration compiler: the test fixtures compile to the IR the interpreter runs; invalid
 * definitions report every problem at once with a path naming the node; inputs are checked by
 * type; the JSON Schema is generated from the same zod schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  checkInputs,
  coerceInput,
  compileIntegration,
  integrationJsonSchema,
} from '../../../src/model/integration';

const fixture = (name: string): unknown =>
  JSON.parse(
    fs.readFileSync(path.join(__dirname, '../../fixtures/integration', `${name}.json`), 'utf8'),
  );

describe('compileIntegration', () => {
  it('compiles the http → transform → switch → http fixture', () => {
    // given the it-enrich fixture, when it is compiled
    const r = compileIntegration(fixture('it-enrich'));
    // then the IR has its nodes by id, the first node as start, defaults applied
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.ir.kind).toBe('integration');
    expect(r.ir.key).toBe('it-enrich');
    expect(r.ir.start).toBe('fetch');
    expect(Object.keys(r.ir.nodes)).toEqual([
      'fetch',
      'classify',
      'route',
      'notifyGold',
      'notifyBasic',
    ]);
    expect(r.ir.inputs.customerId).toEqual({
      type: 'string',
      required: true,
      description: 'Customer id',
    });
    expect(JSON.parse(JSON.stringify(r.ir))).toEqual(r.ir);
  });

  it('compiles the ai fixture', () => {
    const r = compileIntegration(fixture('it-ai-extract'));
    expect(r.ok).toBe(true);
  });

  it('reports every problem at once, with node ids in the paths', () => {
    // given a definition with a bad reference, a duplicate id, bad FEEL and a shape error
    const r = compileIntegration({
      kind: 'integration',
      key: 'broken',
      nodes: [
        { id: 'a', type: 'transform', set: { x: '1 +' }, next: 'nowhere' },
        { id: 'a', type: 'switch', cases: [{ when: 'x > 1', next: 'ghost' }] },
        { id: 'b', type: 'http', url: 'http://x', method: 'FETCH' },
      ],
      output: { y: 'x +* 2' },
    });
    // then the shape error is reported first (zod), naming the node
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual(['nodes.b.method']);
  });

  it('reports every semantic problem at once', () => {
    const r = compileIntegration({
      kind: 'integration',
      key: 'broken',
      start: 'missing',
      nodes: [
        { id: 'a', type: 'transform', set: { x: '1 +' }, next: 'nowhere' },
        { id: 'a', type: 'switch', cases: [{ when: 'x > 1', next: 'ghost' }] },
      ],
      output: { y: 'x +* 2' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path).sort()).toEqual(
      [
        'nodes.a',
        'start',
        'nodes.a.next',
        'nodes.a.set.x',
        'nodes.a.cases.0.next',
        'output.y',
      ].sort(),
    );
    for (const p of r.problems) expect(p.message.length).toBeGreaterThan(5);
  });

  it('rejects unknown node types and fields', () => {
    const r = compileIntegration({
      kind: 'integration',
      key: 'k',
      nodes: [{ id: 'a', type: 'shell', command: 'rm -rf /' }],
    });
    expect(r.ok).toBe(false);
  });
});

describe('checkInputs', () => {
  it('names each missing or mistyped input', () => {
    const decls = {
      id: { type: 'string' as const, required: true },
      n: { type: 'integer' as const, required: true },
      opt: { type: 'boolean' as const, required: false },
    };
    expect(checkInputs(decls, { id: 'x', n: 2 })).toEqual([]);
    expect(checkInputs(decls, { n: 1.5, opt: 'yes' })).toEqual([
      { path: 'variables.id', message: 'required input is missing' },
      { path: 'variables.n', message: 'expected integer, got number' },
      { path: 'variables.opt', message: 'expected boolean, got string' },
    ]);
  });

  it('coerces header text to the declared type', () => {
    expect(coerceInput('number', '42')).toBe(42);
    expect(coerceInput('boolean', 'true')).toBe(true);
    expect(coerceInput('object', '{"a":1}')).toEqual({ a: 1 });
    expect(coerceInput('string', '42')).toBe('42');
  });
});

describe('integrationJsonSchema', () => {
  it('describes the definition, node types included', () => {
    const schema = integrationJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['kind', 'key', 'inputs', 'nodes', 'output']),
    );
    expect(JSON.stringify(schema)).toContain('"transform"');
  });
});
