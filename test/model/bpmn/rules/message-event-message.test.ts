/** Rule `message-event-message`: see src/model/bpmn/rules/message-event-message.ts and test/fixtures/bpmn/invalid/message-event-message.bpmn. */
import { describeRule } from '../fixtures';

describeRule('message-event-message', ['Event_Catch']);
