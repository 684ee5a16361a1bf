/** Rule `receive-task-message`: see src/model/bpmn/rules/receive-task-message.ts and test/fixtures/bpmn/invalid/receive-task-message.bpmn. */
import { describeRule } from '../fixtures';

describeRule('receive-task-message', ['Receive_NoRef', 'Receive_NoName']);
