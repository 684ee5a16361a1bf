/** Rule `timer-start-schedule`: see src/model/bpmn/rules/timer-start-schedule.ts and test/fixtures/bpmn/invalid/timer-start-schedule.bpmn. */
import { describeRule } from '../fixtures';

describeRule('timer-start-schedule', ['Start_BadCron', 'Start_Never', 'Start_Feel']);
