/** Rule `boundary-event-host`: see src/model/bpmn/rules/boundary-event-host.ts and test/fixtures/bpmn/invalid/boundary-event-host.bpmn. */
import { describeRule } from '../fixtures';

describeRule('boundary-event-host', ['Boundary_1']);
