/** Rule `gateway-outgoing-required`: see src/model/bpmn/rules/gateway-outgoing-required.ts and test/fixtures/bpmn/invalid/gateway-outgoing-required.bpmn. */
import { describeRule } from '../fixtures';

describeRule('gateway-outgoing-required', ['Gateway_DeadEnd']);
