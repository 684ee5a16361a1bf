/** Rule `user-task-schedule`: see src/model/bpmn/rules/user-task-schedule.ts and test/fixtures/bpmn/invalid/user-task-schedule.bpmn. */
import { describeRule } from '../fixtures';

describeRule('user-task-schedule', ['User_BadDue', 'User_BadFollowUp']);
