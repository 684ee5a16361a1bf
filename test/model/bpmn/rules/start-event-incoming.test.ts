/** Rule `start-event-incoming`: see src/model/bpmn/rules/start-event-incoming.ts and test/fixtures/bpmn/invalid/start-event-incoming.bpmn. */
import { describeRule } from '../fixtures';

describeRule('start-event-incoming', ['StartEvent_1', 'StartEvent_Sub']);
