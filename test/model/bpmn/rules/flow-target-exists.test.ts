/** Rule `flow-target-exists`: see src/model/bpmn/rules/flow-target-exists.ts and test/fixtures/bpmn/invalid/flow-target-exists.bpmn. */
import { describeRule } from '../fixtures';

describeRule('flow-target-exists', ['Flow_Broken', 'Flow_ToMessage']);
