/** Rule `exclusive-gateway-conditions`: see src/model/bpmn/rules/exclusive-gateway-conditions.ts and test/fixtures/bpmn/invalid/exclusive-gateway-conditions.bpmn. */
import { describeRule } from '../fixtures';

describeRule('exclusive-gateway-conditions', ['Flow_NoCondition']);
