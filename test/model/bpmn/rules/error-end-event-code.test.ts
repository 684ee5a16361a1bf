/** Rule `error-end-event-code`: see src/model/bpmn/rules/error-end-event-code.ts and test/fixtures/bpmn/invalid/error-end-event-code.bpmn. */
import { describeRule } from '../fixtures';

describeRule('error-end-event-code', ['EndEvent_Error', 'EndEvent_NoCode']);
