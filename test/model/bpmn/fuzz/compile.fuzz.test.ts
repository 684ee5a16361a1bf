/**
 * A fuzzer over the BPMN compiler: random mutations (mutations.ts) of the valid fixtures in
 * test/fixtures/bpmn. `compileBpmn` must never throw, never hang (each case runs in a worker
 * thread with a time bound) and, when it rejects a document, name the element of each problem
 * or say why the whole document is unreadable. `WAYMARK_PROPERTY_RUNS` raises the case count;
 * test/support/property-params.ts says how the seed is chosen.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { CompileResult, Problem } from '../../../../src/model/bpmn';
import { CompilePool } from './compile-pool';
import { mutate, mutationArb } from './mutations';
import { propertyParams } from '../../../support/property-params';

const FIXTURES = path.join(__dirname, '../../../fixtures/bpmn');
const fixtures = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.bpmn'))
  .sort()
  .map((f) => ({ name: f, xml: fs.readFileSync(path.join(FIXTURES, f), 'utf8') }));

const params = propertyParams();
const CASE_TIMEOUT_MS = 10_000;

/** Problems about the document as a whole, which have no element to name. */
const DOCUMENT_RULES = new Set([
  'xml-well-formed',
  'bpmn-schema',
  'model-size',
  'model-elements',
  'ir-size',
  'executable-process-required',
]);

/** `anonymous`: the document has elements without id, so other rules may not name theirs. */
function badProblem(p: Problem, anonymous: boolean): string | undefined {
  if (typeof p.rule !== 'string' || !p.rule) return 'a problem without rule';
  if (typeof p.message !== 'string' || !p.message) return `${p.rule}: no message`;
  if (p.rule === 'internal' || /^Rule \S+ failed:/.test(p.message)) return `crash: ${p.message}`;
  if (!p.elementId && !anonymous && !DOCUMENT_RULES.has(p.rule))
    return `${p.rule} without element id: ${p.message}`;
  return undefined;
}

function resultProblem(result: CompileResult): string | undefined {
  if (result.ok) return undefined;
  if (result.problems.length === 0) return 'rejected without problems';
  const anonymous = result.problems.some((p) => p.rule === 'element-id-required');
  for (const p of result.problems) {
    const bad = badProblem(p, anonymous);
    if (bad) return bad;
  }
  return undefined;
}

const pool = new CompilePool();
afterAll(() => pool.close());

describe('BPMN compiler fuzzer', () => {
  it('never throws, never hangs, and names the element of every problem', async () => {
    await pool.compile('<warm-up/>', 60_000);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: fixtures.length - 1 }),
        fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        async (fi, mutations) => {
          const xml = mutations.reduce(mutate, fixtures[fi].xml);
          const out = await pool.compile(xml, CASE_TIMEOUT_MS);
          if (out.kind === 'thrown') throw new Error(`${fixtures[fi].name}: threw ${out.error}`);
          if (out.kind === 'timedOut')
            throw new Error(`${fixtures[fi].name}: no answer in ${out.ms} ms`);
          const bad = resultProblem(out.result);
          if (bad) throw new Error(`${fixtures[fi].name}: ${bad}`);
        },
      ),
      params,
    );
  }, 240_000);
});
