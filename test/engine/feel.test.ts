import { evaluate } from 'feelin';
import { evaluateFeel, renderTemplate } from '../../src/engine';
import { tryFastFeel } from '../../src/engine/feel-fast';

describe('feel', () => {
  it('evaluates FEEL (a leading = is tolerated) and returns plain JSON', () => {
    expect(evaluateFeel('=a + 1', { a: 1 })).toEqual({ ok: true, value: 2, warnings: [] });
    expect(evaluateFeel('{d: date("2024-01-02"), t: duration("PT1H")}', {})).toMatchObject({
      ok: true,
      value: { d: '2024-01-02', t: 'PT1H' },
    });
    expect(evaluateFeel('today()', {}, { now: Date.UTC(2030, 4, 6, 23) })).toMatchObject({
      value: '2030-05-06',
    });
  });

  it('reports syntax errors as data', () => {
    const r = evaluateFeel('a +', {});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain("FEEL error in 'a +'");
  });

  it('renders ${} templates, with processInstanceData aliasing the variables', () => {
    const vars = { customer: { id: 'c1', tags: ['a'] }, n: 3 };
    expect(
      renderTemplate(
        'https://x/${processInstanceData.customer.id}/${n + 1}?t=${customer.tags}',
        vars,
      ),
    ).toEqual({
      ok: true,
      value: 'https://x/c1/4?t=["a"]',
      warnings: [],
    });
    expect(renderTemplate('${ {a: "}"}.a }-${missing}', vars)).toMatchObject({
      ok: true,
      value: '}-',
    });
    expect(renderTemplate('plain', vars)).toMatchObject({ value: 'plain' });
    expect(renderTemplate('${oops', vars).ok).toBe(false);
  });

  it('the fast path agrees with feelin wherever it answers', () => {
    const contexts = [
      { i: 3, s: 'ok', b: true, o: { x: 1, y: { z: 'deep' } }, l: [1, 2], n: null, f: 0.1 },
      { 'odd-name': 1, i: 2 },
      {},
    ];
    const expressions = [
      'i',
      'i + 1',
      'i - 1',
      'i * 2',
      'i / 2',
      'i / 0',
      'i < 3',
      'i <= 3',
      'i > 2',
      'i >= 4',
      'i = 3',
      'i != 3',
      's = "ok"',
      's != "ok"',
      'b = true',
      'o.x',
      'o.y.z',
      'o.missing',
      'l',
      'l.x',
      'n',
      'n + 1',
      'f + 0.2',
      '"text"',
      '42',
      '1.5',
      'true',
      'null',
      'missing',
      'missing + 1',
      's + 1',
      'i = "3"',
      'odd',
      'not',
    ];
    let answered = 0;
    for (const ctx of contexts) {
      for (const e of expressions) {
        const fast = tryFastFeel(e, ctx);
        if (!fast) continue;
        answered++;
        expect([e, ctx, fast.value]).toEqual([e, ctx, evaluate(e, ctx).value]);
      }
    }
    expect(answered).toBeGreaterThan(20);
  });
});
