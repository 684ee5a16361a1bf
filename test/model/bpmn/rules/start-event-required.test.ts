/** Rule `start-event-required`: see src/model/bpmn/rules/start-event-required.ts and test/fixtures/bpmn/invalid/start-event-required.bpmn. */
import { describeRule } from '../fixtures';

describeRule('start-event-required', ['SubProcess_1', 'Start_SubMessage', 'Start_Dup']);
