/**
 * Decision tables under every hit policy (DMN 1.3 §8.2.11), evaluated by the deterministic
 * evaluator over tables compiled from DMN XML.
 */
import { evaluateDecision } from '../../../src/engine/dmn';
import { tableIr, type TableSpec } from './support';

const ok = (r: ReturnType<typeof evaluateDecision>) => {
  if (!r.ok) throw new Error(r.error);
  return r;
};

// Given a table of amounts: >= 100 → "big" (r1), >= 10 → "mid" (r2), any → "any" (r3)
const tiers = (hitPolicy: string, aggregation?: string): TableSpec => ({
  hitPolicy,
  aggregation,
  inputs: ['amount'],
  outputs: [{ name: 'tier', values: '"big","mid","any"' }],
  rules: [
    ['>= 100', '"mid"'],
    ['>= 10', '"big"'],
    ['-', '"any"'],
  ],
});

describe('hit policies', () => {
  it('UNIQUE: the one matching rule; none → null; two → an error naming both rules', async () => {
    const ir = await tableIr({
      inputs: ['season'],
      outputs: [{ name: 'dish' }],
      rules: [
        ['"Fall"', '"Spareribs"'],
        ['"Winter","Fall"', '"Roastbeef"'],
        ['"Spring"', '"Steak"'],
      ],
    });
    const r = ok(evaluateDecision(ir, { season: 'Spring' }));
    expect(r.result).toBe('Steak');
    expect(r.matchedRules).toEqual([{ ruleId: 'r3', ruleIndex: 3, outputs: { dish: 'Steak' } }]);
    expect(ok(evaluateDecision(ir, { season: 'Summer' })).result).toBeNull();
    const bad = evaluateDecision(ir, { season: 'Fall' });
    expect(bad).toEqual({
      ok: false,
      decisionId: 'd',
      error: "decision 'd': hit policy UNIQUE: 2 rules matched: r1 (#1), r2 (#2)",
    });
  });

  it('FIRST: the first matching rule in rule order', async () => {
    const r = ok(evaluateDecision(await tableIr(tiers('FIRST')), { amount: 50 }));
    expect(r.result).toBe('big');
    expect(r.matchedRules.map((m) => m.ruleId)).toEqual(['r2']);
  });

  it('PRIORITY: the match whose output comes first in the output values', async () => {
    const ir = await tableIr(tiers('PRIORITY'));
    expect(ok(evaluateDecision(ir, { amount: 500 })).result).toBe('big'); // r2 beats r1 ("mid")
    expect(ok(evaluateDecision(ir, { amount: 5 })).result).toBe('any');
  });

  it('ANY: matches that agree give their output; disagreeing matches are an error', async () => {
    const ir = await tableIr({
      hitPolicy: 'ANY',
      inputs: ['x'],
      outputs: [{ name: 'o' }],
      rules: [
        ['> 0', '"pos"'],
        ['> 10', '"pos"'],
        ['> 100', '"huge"'],
      ],
    });
    expect(ok(evaluateDecision(ir, { x: 50 })).result).toBe('pos');
    const bad = evaluateDecision(ir, { x: 500 });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(
      /hit policy ANY: the matching rules r1 \(#1\), r2 \(#2\), r3 \(#3\)/,
    );
  });

  it('RULE ORDER: every match in rule order', async () => {
    expect(
      ok(evaluateDecision(await tableIr(tiers('RULE ORDER')), { amount: 500 })).result,
    ).toEqual(['mid', 'big', 'any']);
  });

  it('OUTPUT ORDER: every match by decreasing priority', async () => {
    const r = ok(evaluateDecision(await tableIr(tiers('OUTPUT ORDER')), { amount: 500 }));
    expect(r.result).toEqual(['big', 'mid', 'any']);
    expect(r.matchedRules.map((m) => m.ruleId)).toEqual(['r2', 'r1', 'r3']);
  });

  it('COLLECT without aggregator: every match; none → []', async () => {
    const ir = await tableIr(tiers('COLLECT'));
    expect(ok(evaluateDecision(ir, { amount: 20 })).result).toEqual(['big', 'any']);
    const none = await tableIr({ ...tiers('COLLECT'), rules: [['> 1000', '"x"']] });
    expect(ok(evaluateDecision(none, { amount: 20 })).result).toEqual([]);
  });

  const fees: TableSpec = {
    hitPolicy: 'COLLECT',
    inputs: ['years'],
    outputs: [{ name: 'fee' }],
    rules: [
      ['> 1', '100'],
      ['> 2', '200'],
      ['> 3', '300'],
      ['> 5', '500'],
    ],
  };

  it.each([
    ['SUM', 4, 600],
    ['MIN', 4, 100],
    ['MAX', 4, 300],
    ['COUNT', 6, 4],
    ['COUNT', 0, 0],
    ['SUM', 0, null],
    ['MAX', 0, null],
  ])('COLLECT %s over years=%p → %p', async (aggregation, years, expected) => {
    const ir = await tableIr({ ...fees, aggregation: aggregation as string });
    expect(ok(evaluateDecision(ir, { years })).result).toBe(expected);
  });

  it('COLLECT SUM of a non-number is an error', async () => {
    const ir = await tableIr({ ...fees, aggregation: 'SUM', rules: [['-', '"x"']] });
    const r = evaluateDecision(ir, { years: 1 });
    expect(!r.ok && r.error).toMatch(/COLLECT SUM: every output must be a number/);
  });

  it('several outputs give a context per match', async () => {
    const ir = await tableIr({
      hitPolicy: 'RULE ORDER',
      inputs: ['age', 'member'],
      outputs: [{ name: 'discount' }, { name: 'label' }],
      rules: [
        ['>= 65', '-', '0.2', '"senior"'],
        ['-', 'true', '0.1', '"member"'],
      ],
    });
    expect(ok(evaluateDecision(ir, { age: 70, member: true })).result).toEqual([
      { discount: 0.2, label: 'senior' },
      { discount: 0.1, label: 'member' },
    ]);
  });

  it('input values restrict the input; default output entries apply when nothing matches', async () => {
    const ir = await tableIr({
      inputs: ['color'],
      inputValues: { 0: '"red","green"' },
      outputs: [{ name: 'go', default: 'false' }],
      rules: [['"green"', 'true']],
    });
    expect(ok(evaluateDecision(ir, { color: 'green' })).result).toBe(true);
    expect(ok(evaluateDecision(ir, { color: 'red' })).result).toBe(false);
    const r = evaluateDecision(ir, { color: 'blue' });
    expect(!r.ok && r.error).toMatch(
      /input color is "blue", not one of its input values "red","green"/,
    );
  });

  it('input expressions are FEEL over the variables, entries may use them too', async () => {
    const ir = await tableIr({
      hitPolicy: 'FIRST',
      inputs: ['order.total * 2', 'date(order.day)'],
      outputs: [{ name: 'o' }],
      rules: [
        ['> limit', '>= date("2024-01-01")', '"late-big"'],
        ['-', '-', '"other"'],
      ],
    });
    const vars = { order: { total: 60, day: '2024-03-01' }, limit: 100 };
    const r = ok(evaluateDecision(ir, vars));
    expect(r.result).toBe('late-big');
    expect(r.evaluatedDecisions[0].inputs.map((i) => i.value)).toEqual([120, '2024-03-01']);
  });
});
