/** Rule `reference-resolvable`: see src/model/bpmn/rules/reference-resolvable.ts and test/fixtures/bpmn/invalid/reference-resolvable.bpmn. */
import { describeRule } from '../fixtures';

describeRule('reference-resolvable', ['Gateway_1', 'Gateway_2']);
