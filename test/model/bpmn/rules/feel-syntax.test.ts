/** Rule `feel-syntax`: see src/model/bpmn/rules/feel-syntax.ts and test/fixtures/bpmn/invalid/feel-syntax.bpmn. */
import { describeRule } from '../fixtures';

describeRule('feel-syntax', ['Flow_Bad', 'Script_Bad']);
