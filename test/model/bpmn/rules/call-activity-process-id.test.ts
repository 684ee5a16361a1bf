/** Rule `call-activity-process-id`: see src/model/bpmn/rules/call-activity-process-id.ts and test/fixtures/bpmn/invalid/call-activity-process-id.bpmn. */
import { compileBpmn } from '../../../../src/model/bpmn';
import type { CallActivityIR } from '../../../../src/model/bpmn/ir';
import { describeRule, readFixture } from '../fixtures';

describeRule('call-activity-process-id', ['Call_1', 'Call_Expression', 'Call_Documentation']);

test('a plain calledElement is the called process id; zeebe:calledElement wins over it', async () => {
  // given the invalid fixture with its three faulty call activities removed
  const xml = readFixture('invalid/call-activity-process-id')
    .replace('<bpmn:callActivity id="Call_1">', '<bpmn:callActivity id="Call_1" calledElement="a">')
    .replace('calledElement="=target"', 'calledElement="b"')
    .replace('calledElement="docs-only"', 'calledElement="c"');
  // when it is compiled
  const result = await compileBpmn(xml);
  // then each call activity calls the process its attribute names
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  const called = (id: string) => (result.ir.elements[id] as CallActivityIR).processId;
  expect(
    ['Call_1', 'Call_Expression', 'Call_Documentation', 'Call_Plain', 'Call_Zeebe'].map(called),
  ).toEqual(['a', 'b', 'c', 'billing', 'billing']);
  expect((result.ir.elements.Call_Plain as CallActivityIR).processIdIsFeel).toBe(false);
});
