/** Rule `boundary-event-flows`: see src/model/bpmn/rules/boundary-event-flows.ts and test/fixtures/bpmn/invalid/boundary-event-flows.bpmn. */
import { describeRule } from '../fixtures';

describeRule('boundary-event-flows', ['Boundary_In', 'Boundary_NoOut']);
