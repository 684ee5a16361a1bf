/** Rule `sequence-flow-scope`: see src/model/bpmn/rules/sequence-flow-scope.ts and test/fixtures/bpmn/invalid/sequence-flow-scope.bpmn. */
import { describeRule } from '../fixtures';

describeRule('sequence-flow-scope', ['Flow_Enter', 'Flow_Leave']);
