/** Rule `link-event-pairs`: see src/model/bpmn/rules/link-event-pairs.ts and test/fixtures/bpmn/invalid/link-event-pairs.bpmn. */
import { describeRule } from '../fixtures';

describeRule('link-event-pairs', [
  'Throw_Missing',
  'Throw_Out',
  'Catch_In',
  'Catch_Dup1',
  'Catch_Dup2',
  'Throw_NoName',
]);
