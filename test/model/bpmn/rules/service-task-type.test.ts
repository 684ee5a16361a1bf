/** Rule `service-task-type`: see src/model/bpmn/rules/service-task-type.ts. */
import { compileFixture, describeRule, problemsOf } from '../fixtures';

describeRule('service-task-type', ['Task_NoType', 'Task_Unknown']);

describe('rule service-task-type without knownTaskTypes', () => {
  it('accepts any task type when the compiler is not told the built-in ones', async () => {
    // given the invalid fixture, when compiled without knownTaskTypes
    const result = await compileFixture('invalid/service-task-type', {});
    // then only the task without a type is reported
    expect(problemsOf(result, 'service-task-type').map((p) => p.elementId)).toEqual([
      'Task_NoType',
    ]);
  });
});
