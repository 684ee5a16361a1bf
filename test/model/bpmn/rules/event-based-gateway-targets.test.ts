/** Rule `event-based-gateway-targets`: see src/model/bpmn/rules/event-based-gateway-targets.ts and test/fixtures/bpmn/invalid/event-based-gateway-targets.bpmn. */
import { describeRule } from '../fixtures';

describeRule('event-based-gateway-targets', [
  'Gateway_Mixed',
  'Gateway_Mixed',
  'Gateway_Mixed',
  'Gateway_Race',
]);
