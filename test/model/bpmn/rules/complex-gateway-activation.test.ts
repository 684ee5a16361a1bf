/** Rule `complex-gateway-activation`: see src/model/bpmn/rules/complex-gateway-activation.ts and test/fixtures/bpmn/invalid/complex-gateway-activation.bpmn. */
import { describeRule } from '../fixtures';

describeRule('complex-gateway-activation', ['Gateway_Join']);
