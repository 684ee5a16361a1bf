/**
 * DMN TCK conformance (kept apart from the unit tests): runs the TCK's compliance-level-2
 * cases (decision tables, literal expressions, hit policies) through the DMN compiler and
 * the evaluator and prints the pass count. The TCK files are not part of this repository:
 * point WAYMARK_DMN_TCK_DIR at a copy of the TCK's `TestCases/compliance-level-2` (default
 * `../shared/dmn-tck/compliance-level-2` beside the repository); without it the suite is
 * skipped. A case passes when every result node of every test case equals the expected
 * value (numbers to 1e-9); the cases listed in EXPECTED_PASSING must pass.
 */
import fs from 'node:fs';
import path from 'node:path';
import { evaluateDecision } from '../../src/engine/dmn';
import { compileDmn } from '../../src/model/dmn';
import type { DmnIR } from '../../src/model/dmn/ir';
import { child, children, parseXml, valueOf } from './tck-xml';

const dir =
  process.env.WAYMARK_DMN_TCK_DIR ??
  path.resolve(__dirname, '..', '..', '..', 'shared', 'dmn-tck', 'compliance-level-2');

/**
 * Compliance-level-2 cases known to pass (README "DMN TCK"); a regression in any of them
 * fails the suite (cases absent from the directory are not required).
 */
const EXPECTED_PASSING: string[] = [
  '0001-input-data-string',
  '0002-input-data-number',
  '0003-input-data-string-allowed-values',
  '0004-simpletable-U',
  '0005-simpletable-A',
  '0006-simpletable-P1',
  '0007-simpletable-P2',
  '0008-LX-arithmetic',
  '0009-invocation-arithmetic',
  '0010-multi-output-U',
  '0100-feel-constants',
  '0101-feel-constants',
  '0102-feel-constants',
  '0105-feel-math',
  '0106-feel-ternary-logic',
  '0107-feel-ternary-logic-not',
  '0108-first-hitpolicy',
  '0109-ruleOrder-hitpolicy',
  '0110-outputOrder-hitpolicy',
  '0111-first-hitpolicy-singleoutputcol',
  '0112-ruleOrder-hitpolicy-singleinoutcol',
  '0113-outputOrder-hitpolicy-singleinoutcol',
  '0114-min-collect-hitpolicy',
  '0115-sum-collect-hitpolicy',
  '0116-count-collect-hitpolicy',
  '0117-multi-any-hitpolicy',
  '0118-multi-priority-hitpolicy',
  '0119-multi-collect-hitpolicy',
];

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    return (
      ka.length === Object.keys(b).length &&
      ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return a === b;
}

let checked = 0;

/** Runs one TCK case folder; returns the failures (empty = passed). */
async function runCase(caseDir: string): Promise<string[]> {
  const files = fs.readdirSync(caseDir);
  const model = files.find((f) => f.endsWith('.dmn'));
  if (!model) return ['no model'];
  const compiled = await compileDmn(fs.readFileSync(path.join(caseDir, model), 'utf8'));
  if (!compiled.ok)
    return compiled.problems.map((p) => `compile: ${p.rule} ${p.elementId}: ${p.message}`);
  const byName = new Map<string, DmnIR>();
  for (const ir of compiled.decisions) {
    const d = ir.decisions[ir.decisionId];
    byName.set(d?.name ?? ir.name ?? ir.decisionId, ir);
  }
  const failures: string[] = [];
  for (const testFile of files.filter((f) => f.endsWith('.xml'))) {
    const doc = parseXml(fs.readFileSync(path.join(caseDir, testFile), 'utf8'));
    for (const tc of children(child(doc, 'testCases') ?? doc, 'testCase')) {
      const variables = Object.fromEntries(
        children(tc, 'inputNode').map((n) => [n.attrs.name, valueOf(n)]),
      );
      for (const result of children(tc, 'resultNode')) {
        const ir = byName.get(result.attrs.name);
        const expected = valueOf(child(result, 'expected') ?? result);
        if (!ir) {
          failures.push(`${tc.attrs.id}: no decision named ${result.attrs.name}`);
          continue;
        }
        checked++;
        const out = evaluateDecision(ir, variables, { now: Date.now() });
        const got = out.ok ? out.result : `error: ${out.error}`;
        if (!same(got, expected))
          failures.push(
            `${tc.attrs.id} ${result.attrs.name}: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`,
          );
      }
    }
  }
  return failures;
}

const present = fs.existsSync(dir);

(present ? describe : describe.skip)(`DMN TCK compliance level 2 (${dir})`, () => {
  it('runs every case and reports the pass count', async () => {
    const cases = fs
      .readdirSync(dir)
      .filter((c) => fs.statSync(path.join(dir, c)).isDirectory())
      .sort();
    const results: Array<[string, string[]]> = [];
    for (const c of cases) results.push([c, await runCase(path.join(dir, c))]);
    const passed = results.filter(([, f]) => f.length === 0).map(([c]) => c);
    const report = results.map(
      ([c, f]) =>
        `${f.length === 0 ? 'PASS' : 'FAIL'} ${c}${f.length ? `\n    ${f.slice(0, 3).join('\n    ')}` : ''}`,
    );
    console.log(
      `DMN TCK: ${passed.length} of ${cases.length} cases pass (${checked} results checked)\n${report.join('\n')}`,
    );
    expect(EXPECTED_PASSING.filter((c) => cases.includes(c) && !passed.includes(c))).toEqual([]);
  });
});
