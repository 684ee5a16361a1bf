/** Rule `element-reachable` (a warning): see src/model/bpmn/rules/element-reachable.ts. */
import { compileFixture, describeRule } from '../fixtures';

describeRule('element-reachable', ['Task_Orphan']);

describe('rule element-reachable severity', () => {
  it('warns but still compiles', async () => {
    // given a model with an unreachable task, when compiled
    const result = await compileFixture('invalid/element-reachable');
    // then the IR is produced and the warning names the task
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings.map((w) => w.elementId)).toEqual(['Task_Orphan']);
  });
});
