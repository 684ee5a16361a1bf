/** Rule `call-activity-process-id`: see src/model/bpmn/rules/call-activity-process-id.ts and test/fixtures/bpmn/invalid/call-activity-process-id.bpmn. */
import { describeRule } from '../fixtures';

describeRule('call-activity-process-id', ['Call_1']);
