/** Rule `cancel-event-transaction`: see src/model/bpmn/rules/cancel-event-transaction.ts and test/fixtures/bpmn/invalid/cancel-event-transaction.bpmn. */
import { describeRule } from '../fixtures';

describeRule('cancel-event-transaction', [
  'Cancel_Outside',
  'Cancel_NoBoundary',
  'Boundary_OnTask',
  'Boundary_Second',
]);
