/**
 * Test helpers for the BPMN compiler: loading the fixtures under test/fixtures/bpmn,
 * compiling them, and the shared shape of a rule test
 * (the invalid fixture reports exactly the expected elements; valid fixtures report nothing).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileBpmn } from '../../../src/model/bpmn';
import type { CompileResult, Problem } from '../../../src/model/bpmn';

export const FIXTURES = join(__dirname, '../../fixtures/bpmn');

export function validFixtureNames(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.bpmn'))
    .map((f) => f.replace(/\.bpmn$/, ''))
    .sort();
}

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES, `${name}.bpmn`), 'utf8');
}

export function compileFixture(name: string): Promise<CompileResult> {
  return compileBpmn(readFixture(name));
}

/** Problems (or, for a successful compile, warnings) of one rule. */
export function problemsOf(result: CompileResult, rule: string): Problem[] {
  return (result.ok ? result.warnings : result.problems).filter((p) => p.rule === rule);
}

/**
 * The standard rule test: `invalid/<rule>.bpmn` yields exactly `expectedElementIds` for the
 * rule (each with a message and a position), and no valid fixture yields any problem of it.
 */
export function describeRule(rule: string, expectedElementIds: Array<string | undefined>): void {
  describe(`rule ${rule}`, () => {
    it('reports the invalid fixture with element ids', async () => {
      // given the rule's invalid fixture, when it is compiled
      const result = await compileFixture(`invalid/${rule}`);
      // then the rule reports exactly the expected elements
      const problems = problemsOf(result, rule);
      expect(problems.map((p) => p.elementId).sort()).toEqual([...expectedElementIds].sort());
      for (const p of problems) {
        expect(p.message.length).toBeGreaterThan(10);
        expect(p.line).toBeGreaterThan(0);
        expect(p.column).toBeGreaterThan(0);
      }
    });

    it('reports nothing for the valid fixtures', async () => {
      for (const name of validFixtureNames()) {
        const result = await compileFixture(name);
        expect({ name, problems: problemsOf(result, rule) }).toEqual({ name, problems: [] });
      }
    });
  });
}
