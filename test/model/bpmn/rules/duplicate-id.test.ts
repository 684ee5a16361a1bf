/**
 * `duplicate-id`: reported by the parser (src/model/bpmn/parse.ts), because moddle drops the
 * later element before any rule could see it; fixture test/fixtures/bpmn/invalid/duplicate-id.bpmn.
 */
import { compileBpmn } from '../../../../src/model/bpmn';
import { describeRule, problemsOf, readFixture } from '../fixtures';

describeRule('duplicate-id', ['Message_1', 'Task_1']);

describe('duplicate-id positions', () => {
  it('points at the later declaration, not the first', async () => {
    // given a valid model whose end event reuses the start event's id
    const xml = readFixture('none-start-end').replace(
      'id="EndEvent_1" name="Done"',
      'id="StartEvent_1" name="Done"',
    );
    // when it is compiled
    const result = await compileBpmn(xml);
    // then the duplicate is reported with its id at the end event's line, not as bpmn-schema
    expect(result.ok).toBe(false);
    const [problem] = problemsOf(result, 'duplicate-id');
    const line = xml.split('\n').findIndex((l) => l.includes('name="Done"')) + 1;
    expect(problem).toMatchObject({ elementId: 'StartEvent_1', line });
    expect(problem.message).toMatch(/bpmn:endEvent StartEvent_1/);
    expect(problemsOf(result, 'bpmn-schema')).toEqual([]);
  });
});
