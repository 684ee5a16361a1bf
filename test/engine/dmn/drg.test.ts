/**
 * The decision requirements graph (DMN 1.3 §6.3): required decisions evaluated first and
 * visible by variable name and id, business knowledge models as functions and invocations,
 * decision services, literal expressions and boxed contexts.
 */
import { evaluateDecision } from '../../../src/engine/dmn';
import { compileDmn } from '../../../src/model/dmn';
import { compileOne, dmnXml } from './support';

// Given: dish requires season (a table) and guests (a literal); each is its own key.
const drg = dmnXml([
  {
    id: 'dish',
    name: 'Dish',
    requires: ['season', 'guestCount'],
    table: {
      hitPolicy: 'FIRST',
      inputs: ['Season', 'guestCount'],
      outputs: [{ name: 'dish' }],
      rules: [
        ['"Winter"', '<= 8', '"Roastbeef"'],
        ['"Winter"', '> 8', '"Stew"'],
        ['-', '-', '"Salad"'],
      ],
    },
  },
  {
    id: 'season',
    name: 'Season',
    table: {
      inputs: ['month'],
      outputs: [{ name: 'season' }],
      rules: [
        ['[12, 1, 2]', '"Winter"'],
        ['[3..11]', '"Other"'],
      ],
    },
  },
  { id: 'guestCount', name: 'Guest Count', literal: 'adults + children' },
]);

describe('decision requirements graph', () => {
  it('evaluates required decisions first and passes their results by name and id', async () => {
    const ir = await compileOne(drg, 'dish');
    expect(Object.keys(ir.decisions).sort()).toEqual(['dish', 'guestCount', 'season']);
    const r = evaluateDecision(ir, { month: 1, adults: 6, children: 4 });
    expect(r.ok && r.result).toBe('Stew');
    expect(r.ok && r.evaluatedDecisions.map((d) => [d.decisionId, d.result])).toEqual([
      ['season', 'Winter'],
      ['guestCount', 10],
      ['dish', 'Stew'],
    ]);
    expect(r.ok && r.matchedRules.map((m) => m.ruleId)).toEqual(['r2']);
  });

  it('deploys one IR per decision, each with only what it requires', async () => {
    const r = await compileDmn(drg);
    expect(r.ok && r.decisions.map((d) => d.decisionId)).toEqual(['dish', 'season', 'guestCount']);
    const season = r.ok ? r.decisions[1] : undefined;
    expect(Object.keys(season?.decisions ?? {})).toEqual(['season']);
  });

  it('a failing required decision fails the evaluation naming it', async () => {
    const ir = await compileOne(drg, 'dish');
    const r = evaluateDecision(ir, { month: 'x', adults: 1, children: 1 });
    // season matches no rule → null, so dish falls to its catch-all
    expect(r.ok && r.result).toBe('Salad');
    const twice = dmnXml([
      { id: 'top', requires: ['inner'], literal: 'inner' },
      {
        id: 'inner',
        table: {
          inputs: ['x'],
          outputs: [{ name: 'o' }],
          rules: [
            ['> 0', '1'],
            ['> 1', '2'],
          ],
        },
      },
    ]);
    const failed = evaluateDecision(await compileOne(twice, 'top'), { x: 5 });
    expect(failed).toEqual({
      ok: false,
      decisionId: 'inner',
      error: "decision 'inner': hit policy UNIQUE: 2 rules matched: inner_r1 (#1), inner_r2 (#2)",
    });
  });

  it('business knowledge models are functions, called from FEEL and by boxed invocation', async () => {
    const bkm = `<businessKnowledgeModel id="fee" name="fee"><encapsulatedLogic><formalParameter name="amount"/><formalParameter name="rate"/><literalExpression><text>amount * rate</text></literalExpression></encapsulatedLogic></businessKnowledgeModel>
      <decision id="byInvocation" name="byInvocation"><knowledgeRequirement><requiredKnowledge href="#fee"/></knowledgeRequirement>
        <invocation><literalExpression><text>fee</text></literalExpression>
          <binding><parameter name="amount"/><literalExpression><text>price</text></literalExpression></binding>
          <binding><parameter name="rate"/><literalExpression><text>0.5</text></literalExpression></binding>
        </invocation></decision>`;
    const xml = dmnXml([{ id: 'byFeel', knowledge: ['fee'], literal: 'fee(price, 0.1) + 1' }], bkm);
    expect(evaluateDecision(await compileOne(xml, 'byFeel'), { price: 200 })).toMatchObject({
      ok: true,
      result: 21,
    });
    expect(evaluateDecision(await compileOne(xml, 'byInvocation'), { price: 200 })).toMatchObject({
      ok: true,
      result: 100,
    });
  });

  it('a decision service answers its output decisions', async () => {
    const service = `<decisionService id="menu" name="Menu"><outputDecision href="#dish"/><outputDecision href="#guestCount"/></decisionService>`;
    const xml = drg.replace('</definitions>', `${service}</definitions>`);
    const r = evaluateDecision(await compileOne(xml, 'menu'), { month: 6, adults: 2, children: 0 });
    expect(r.ok && r.result).toEqual({ Dish: 'Salad', 'Guest Count': 2 });
  });

  it('a boxed context evaluates entries in order and returns its result entry', async () => {
    const xml = dmnXml([]).replace(
      '</definitions>',
      `<decision id="ctx" name="ctx"><context>
        <contextEntry><variable name="net"/><literalExpression><text>gross * 0.8</text></literalExpression></contextEntry>
        <contextEntry><literalExpression><text>net + 1</text></literalExpression></contextEntry>
      </context></decision></definitions>`,
    );
    expect(evaluateDecision(await compileOne(xml, 'ctx'), { gross: 100 })).toMatchObject({
      ok: true,
      result: 81,
    });
  });

  it('boxed lists and relations evaluate their cells', async () => {
    const xml = dmnXml([]).replace(
      '</definitions>',
      `<decision id="rel" name="rel"><relation>
        <column name="name"/><column name="price"/>
        <row><literalExpression><text>"tea"</text></literalExpression><literalExpression><text>base</text></literalExpression></row>
        <row><literalExpression><text>"cake"</text></literalExpression><literalExpression><text>base * 2</text></literalExpression></row>
      </relation></decision>
      <decision id="lst" name="lst"><list><literalExpression><text>1</text></literalExpression><literalExpression><text>base</text></literalExpression></list></decision></definitions>`,
    );
    expect(evaluateDecision(await compileOne(xml, 'rel'), { base: 3 })).toMatchObject({
      ok: true,
      result: [
        { name: 'tea', price: 3 },
        { name: 'cake', price: 6 },
      ],
    });
    expect(evaluateDecision(await compileOne(xml, 'lst'), { base: 3 })).toMatchObject({
      ok: true,
      result: [1, 3],
    });
  });

  it('now() answers the caller-supplied time, never the clock', async () => {
    const ir = await compileOne(dmnXml([{ id: 't', literal: 'string(today())' }]));
    const at = Date.UTC(2030, 4, 6, 12);
    expect(evaluateDecision(ir, {}, { now: at })).toMatchObject({ ok: true, result: '2030-05-06' });
  });
});
