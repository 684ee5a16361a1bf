/** Rule `script-task-expression`: see src/model/bpmn/rules/script-task-expression.ts and test/fixtures/bpmn/invalid/script-task-expression.bpmn. */
import { describeRule } from '../fixtures';

describeRule('script-task-expression', ['Script_1', 'Script_Worker']);
