/** Rule `data-association-target`: see src/model/bpmn/rules/data-association-target.ts and test/fixtures/bpmn/invalid/data-association-target.bpmn. */
import { describeRule } from '../fixtures';

describeRule('data-association-target', [
  'DataInputAssociation_Missing',
  'DataOutputAssociation_NoTarget',
  'DataOutputAssociation_Task',
]);
