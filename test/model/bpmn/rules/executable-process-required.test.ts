/** Rule `executable-process-required`: see src/model/bpmn/rules/executable-process-required.ts and test/fixtures/bpmn/invalid/executable-process-required.bpmn. */
import { describeRule } from '../fixtures';

describeRule('executable-process-required', ['executable-process-required']);
