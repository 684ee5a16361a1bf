/** Rule `gateway-direction`: see src/model/bpmn/rules/gateway-direction.ts and test/fixtures/bpmn/invalid/gateway-direction.bpmn. */
import { describeRule } from '../fixtures';

describeRule('gateway-direction', [
  'Gateway_ConvergingWrong',
  'Gateway_ConvergingWrong',
  'Gateway_DivergingWrong',
  'Gateway_DivergingWrong',
  'Gateway_MixedWrong',
  'Gateway_MixedWrong',
]);
