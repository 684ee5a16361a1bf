/** Rule `process-parameters`: see src/model/bpmn/rules/process-parameters.ts and test/fixtures/bpmn/invalid/process-parameters.bpmn. */
import { describeRule } from '../fixtures';

describeRule('process-parameters', ['process-parameters']);
