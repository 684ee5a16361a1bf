/** Rule `activity-quantities`: see src/model/bpmn/rules/activity-quantities.ts and test/fixtures/bpmn/invalid/activity-quantities.bpmn. */
import { describeRule } from '../fixtures';

describeRule('activity-quantities', ['Task_Zero', 'Task_Two']);
