/** Rule `default-flow-source`: see src/model/bpmn/rules/default-flow-source.ts and test/fixtures/bpmn/invalid/default-flow-source.bpmn. */
import { describeRule } from '../fixtures';

describeRule('default-flow-source', ['Gateway_1', 'Task_1']);
