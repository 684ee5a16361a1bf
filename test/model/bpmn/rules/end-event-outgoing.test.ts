/** Rule `end-event-outgoing`: see src/model/bpmn/rules/end-event-outgoing.ts and test/fixtures/bpmn/invalid/end-event-outgoing.bpmn. */
import { describeRule } from '../fixtures';

describeRule('end-event-outgoing', ['EndEvent_1']);
