/** Rule `reference-resolvable`: see src/model/bpmn/rules/reference-resolvable.ts and test/fixtures/bpmn/invalid/reference-resolvable.bpmn. */
import { compileBpmn } from '../../../../src/model/bpmn';
import { describeRule, problemsOf, readFixture } from '../fixtures';

describeRule('reference-resolvable', ['Gateway_1', 'Gateway_2']);

describe('rule reference-resolvable on an element without an id', () => {
  it('names the nearest enclosing element that has one', async () => {
    // given multi-instance loop characteristics (no id of their own) whose event reference names nothing
    const xml = readFixture('multi-instance-behavior').replace(
      /noneBehaviorEventRef="[^"]*"/,
      'noneBehaviorEventRef="Nowhere"',
    );
    // when it is compiled
    const problems = problemsOf(await compileBpmn(xml), 'reference-resolvable');
    // then the problem names the activity that owns the loop characteristics
    expect(problems.map((p) => [p.elementId, p.message])).toEqual([
      ['Task_Each', expect.stringContaining('"Nowhere"')],
    ]);
  });
});
