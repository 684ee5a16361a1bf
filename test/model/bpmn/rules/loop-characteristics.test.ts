/** Rule `loop-characteristics`: see src/model/bpmn/rules/loop-characteristics.ts and test/fixtures/bpmn/invalid/loop-characteristics.bpmn. */
import { compileFixture, describeRule, problemsOf } from '../fixtures';

describeRule('loop-characteristics', [
  'Task_NoInput',
  'Task_Both',
  'Task_Output',
  'Task_Zero',
  'Task_Feel',
  'Task_Data',
  'Task_Forever',
  'Task_Max',
  'Task_MessageThrown',
  'Task_WrongMode',
  'Task_NoCondition',
]);

describe('rule loop-characteristics messages', () => {
  it('say what is missing or wrong', async () => {
    const result = await compileFixture('invalid/loop-characteristics');
    const byElement = Object.fromEntries(
      problemsOf(result, 'loop-characteristics').map((p) => [p.elementId, p.message]),
    );
    expect(byElement.Task_NoInput).toMatch(/needs an inputCollection .* or a loopCardinality/);
    expect(byElement.Task_Output).toMatch(/outputCollection needs an outputElement/);
    expect(byElement.Task_Zero).toMatch(/loopCardinality "0" is not a whole number of at least 1/);
    expect(byElement.Task_Feel).toMatch(/completionCondition .* syntax error/);
    expect(byElement.Task_Forever).toMatch(/needs a loopCondition or a loopMaximum/);
    expect(byElement.Task_MessageThrown).toMatch(/MessageEventDefinition cannot be thrown/);
    expect(byElement.Task_WrongMode).toMatch(/oneBehaviorEventRef is set but behavior is "All"/);
    expect(byElement.Task_NoCondition).toMatch(/complexBehaviorDefinition needs a condition/);
  });
});
