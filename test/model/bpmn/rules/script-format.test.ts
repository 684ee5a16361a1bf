/** Rule `script-format`: see src/model/bpmn/rules/script-format.ts and test/fixtures/bpmn/invalid/script-format.bpmn. */
import { describeRule } from '../fixtures';

describeRule('script-format', ['Script_FeelBody', 'Script_Groovy', 'Script_NoFormat']);
