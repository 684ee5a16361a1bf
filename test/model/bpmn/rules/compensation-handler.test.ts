/** Rule `compensation-handler`: see src/model/bpmn/rules/compensation-handler.ts and test/fixtures/bpmn/invalid/compensation-handler.bpmn. */
import { describeRule } from '../fixtures';

describeRule('compensation-handler', ['Comp_None', 'Comp_NotMarked', 'Undo_Flows', 'Undo_Orphan']);
