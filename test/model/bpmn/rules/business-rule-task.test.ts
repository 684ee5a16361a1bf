/** Rule `business-rule-task`: see src/model/bpmn/rules/business-rule-task.ts and test/fixtures/bpmn/invalid/business-rule-task.bpmn. */
import { compileBpmn } from '../../../../src/model/bpmn';
import { describeRule, readFixture } from '../fixtures';

describeRule('business-rule-task', [
  'Rule_None',
  'Rule_Both',
  'Rule_NoResult',
  'Rule_BadFeel',
  'Rule_Deployment',
  'Rule_TagMissing',
]);

describe('business rule task IR', () => {
  it('compiles a called decision (FEEL id, version tag) and the job form', async () => {
    // given the fixture without its invalid tasks
    const xml = readFixture('invalid/business-rule-task').replace(
      /<bpmn:businessRuleTask id="Rule_(None|Both|NoResult|BadFeel|Deployment|TagMissing)">.*?<\/bpmn:businessRuleTask>/gs,
      '<bpmn:task id="Rule_$1" />',
    );
    const r = await compileBpmn(xml);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.ir.elements.Rule_Ok).toMatchObject({
      type: 'businessRuleTask',
      bpmnType: 'bpmn:BusinessRuleTask',
      calledDecision: {
        decisionId: '"d-" + kind',
        decisionIdIsFeel: true,
        resultVariable: 'r',
        bindingType: 'versionTag',
        versionTag: 'v2',
      },
    });
    expect(r.ir.elements.Rule_Job).toMatchObject({
      type: 'businessRuleTask',
      job: { taskType: 'my-rules', retries: 2, headers: {} },
    });
  });
});
