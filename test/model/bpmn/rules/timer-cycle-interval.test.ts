/** Rule `timer-cycle-interval`: see src/model/bpmn/rules/timer-cycle-interval.ts and test/fixtures/bpmn/invalid/timer-cycle-interval.bpmn. */
import { describeRule } from '../fixtures';

describeRule('timer-cycle-interval', ['Timer_Fast', 'Timer_Half']);
