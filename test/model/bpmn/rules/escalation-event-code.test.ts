/** Rule `escalation-event-code`: see src/model/bpmn/rules/escalation-event-code.ts and test/fixtures/bpmn/invalid/escalation-event-code.bpmn. */
import { describeRule } from '../fixtures';

describeRule('escalation-event-code', ['Throw_NoRef', 'End_NoCode', 'Boundary_NoCode']);
