/** Rule `unsupported-element`: see src/model/bpmn/rules/unsupported-element.ts. */
import { compileFixture, describeRule, problemsOf } from '../fixtures';

describeRule('unsupported-element', ['Event_Throw']);

describe('rule unsupported-element messages', () => {
  it('names the element type and id', async () => {
    const result = await compileFixture('invalid/unsupported-element');
    const messages = problemsOf(result, 'unsupported-element').map((p) => p.message);
    expect(messages).toContain(
      'bpmn:IntermediateThrowEvent with bpmn:TimerEventDefinition is not supported (element Event_Throw)',
    );
    // Multi-instance characteristics are supported now (rule loop-characteristics checks them).
    expect(messages.some((m) => m.includes('Task_Multi'))).toBe(false);
  });
});
