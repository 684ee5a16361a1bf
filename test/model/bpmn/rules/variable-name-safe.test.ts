/** Rule `variable-name-safe`: see src/model/bpmn/rules/variable-name-safe.ts and test/fixtures/bpmn/invalid/variable-name-safe.bpmn. */
import { describeRule } from '../fixtures';

describeRule('variable-name-safe', ['Task_Input', 'Task_Output', 'Script_1']);
