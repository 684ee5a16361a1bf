/** Rule `timer-iso8601`: see src/model/bpmn/rules/timer-iso8601.ts and test/fixtures/bpmn/invalid/timer-iso8601.bpmn. */
import { describeRule } from '../fixtures';

describeRule('timer-iso8601', ['Timer_Duration', 'Timer_Date']);
