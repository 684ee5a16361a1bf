/** Rule `timer-definition`: see src/model/bpmn/rules/timer-definition.ts and test/fixtures/bpmn/invalid/timer-definition.bpmn. */
import { describeRule } from '../fixtures';

describeRule('timer-definition', ['Timer_Empty', 'Timer_Cycle']);
