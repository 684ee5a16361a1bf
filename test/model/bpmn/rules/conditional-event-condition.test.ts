/** Rule `conditional-event-condition`: see src/model/bpmn/rules/conditional-event-condition.ts and test/fixtures/bpmn/invalid/conditional-event-condition.bpmn. */
import { describeRule } from '../fixtures';

describeRule('conditional-event-condition', ['Catch_Empty', 'Boundary_BadFilter']);
