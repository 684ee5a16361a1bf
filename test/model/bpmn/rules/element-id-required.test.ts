/** Rule `element-id-required`: see src/model/bpmn/rules/element-id-required.ts and test/fixtures/bpmn/invalid/element-id-required.bpmn. */
import { compileFixture } from '../fixtures';
import { describeRule } from '../fixtures';

describeRule('element-id-required', ['AdHoc_Work', 'element-id-required']);

it('a script task without an id in an ad-hoc subprocess is a problem, not an internal failure', async () => {
  // given the fixture the compiler fuzzer found (an ad-hoc subprocess's task lost its id)
  const result = await compileFixture('invalid/element-id-required');
  // then it is rejected with the rule's problems only, none internal
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.problems.map((p) => p.rule)).not.toContain('internal');
  expect(result.problems.find((p) => p.elementId === 'AdHoc_Work')?.message).toMatch(
    /bpmn:ScriptTask named "No id" in subprocess AdHoc_Work has no id/,
  );
});
