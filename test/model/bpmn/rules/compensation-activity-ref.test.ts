/** Rule `compensation-activity-ref`: see src/model/bpmn/rules/compensation-activity-ref.ts and test/fixtures/bpmn/invalid/compensation-activity-ref.bpmn. */
import { describeRule } from '../fixtures';

describeRule('compensation-activity-ref', ['Throw_Plain', 'Throw_Inner']);
