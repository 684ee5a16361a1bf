/**
 * The DMN compiler's deploy-time problems: every problem at once, each naming its element.
 */
import { compileDmn } from '../../src/model/dmn';
import { DMN_NS, dmnXml } from '../engine/dmn/support';

const problems = async (xml: string) => {
  const r = await compileDmn(xml);
  return r.ok ? [] : r.problems.map((p) => ({ rule: p.rule, elementId: p.elementId }));
};

describe('DMN compile problems', () => {
  it('reports FEEL syntax, hit policy, entry counts and unresolved requirements together', async () => {
    const xml = dmnXml([
      {
        id: 'a',
        requires: ['missing'],
        table: {
          hitPolicy: 'FIRST',
          aggregation: 'SUM',
          inputs: ['x'],
          outputs: [{ name: 'o' }],
          rules: [['>= (', '1'], ['-']],
        },
      },
    ]);
    expect(await problems(xml)).toEqual(
      expect.arrayContaining([
        { rule: 'dmn-requirements', elementId: 'a' },
        { rule: 'dmn-hit-policy', elementId: 'table' },
        { rule: 'dmn-feel-syntax', elementId: 'a' },
        { rule: 'dmn-rule-entries', elementId: 'r2' },
      ]),
    );
  });

  it('refuses cycles, other expression languages, PRIORITY without output values, no decision', async () => {
    const cycle = dmnXml([
      { id: 'a', requires: ['b'], literal: '1' },
      { id: 'b', requires: ['a'], literal: '2' },
    ]);
    expect(await problems(cycle)).toContainEqual({ rule: 'dmn-requirements', elementId: 'a' });
    const juel = dmnXml([]).replace(
      '</definitions>',
      '<decision id="j"><literalExpression expressionLanguage="juel"><text>${x}</text></literalExpression></decision></definitions>',
    );
    expect(await problems(juel)).toEqual([{ rule: 'dmn-expression-language', elementId: 'j' }]);
    const prio = dmnXml([
      {
        id: 'p',
        table: { hitPolicy: 'PRIORITY', inputs: ['x'], outputs: [{ name: 'o' }], rules: [] },
      },
    ]);
    expect(await problems(prio)).toEqual([{ rule: 'dmn-hit-policy', elementId: 'table' }]);
    expect(await problems(dmnXml([]))).toEqual([
      { rule: 'dmn-decision-required', elementId: 'drg' },
    ]);
    expect(await problems('<definitions')).toEqual([
      { rule: 'xml-well-formed', elementId: undefined },
    ]);
  });

  it('reads DMN 1.4 and 1.5 documents as DMN 1.3', async () => {
    for (const ns of [
      'https://www.omg.org/spec/DMN/20211108/MODEL/',
      'https://www.omg.org/spec/DMN/20230324/MODEL/',
    ]) {
      const r = await compileDmn(dmnXml([{ id: 'x', literal: '1' }]).replace(DMN_NS, ns));
      expect(r.ok && r.decisions.map((d) => d.decisionId)).toEqual(['x']);
    }
  });
});
