/** Rule `call-activity-binding`: see src/model/bpmn/rules/call-activity-binding.ts and test/fixtures/bpmn/invalid/call-activity-binding.bpmn. */
import { describeRule } from '../fixtures';

describeRule('call-activity-binding', ['Call_Deployment', 'Call_Tag']);
