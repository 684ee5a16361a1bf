/** Rule `message-flow-pools`: see src/model/bpmn/rules/message-flow-pools.ts and test/fixtures/bpmn/invalid/message-flow-pools.bpmn. */
import { describeRule } from '../fixtures';

describeRule('message-flow-pools', [
  'Flow_FromStart',
  'Flow_Missing',
  'Flow_NoPool',
  'Flow_SamePool',
  'Flow_ToGateway',
]);
