/** Rule `integration-task`: see src/model/bpmn/rules/integration-task.ts and test/fixtures/bpmn/invalid/integration-task.bpmn. */
import { describeRule } from '../fixtures';

describeRule('integration-task', ['Send_NoReceive', 'Service_NoWorkflow']);
