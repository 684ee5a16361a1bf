/** Rule `unsupported-element`: see src/model/bpmn/rules/unsupported-element.ts. */
import { compileFixture, describeRule, problemsOf } from '../fixtures';

describeRule('unsupported-element', ['Event_Throw', 'Task_Rules', 'Task_Multi', 'Event_Signal']);

describe('rule unsupported-element messages', () => {
  it('names the element type and id', async () => {
    const result = await compileFixture('invalid/unsupported-element');
    const messages = problemsOf(result, 'unsupported-element').map((p) => p.message);
    expect(messages).toContain(
      'bpmn:IntermediateThrowEvent with bpmn:MessageEventDefinition is not supported (element Event_Throw)',
    );
    expect(
      messages.some((m) => /Multi-instance .* not supported yet \(element Task_Multi\)/.test(m)),
    ).toBe(true);
  });
});
