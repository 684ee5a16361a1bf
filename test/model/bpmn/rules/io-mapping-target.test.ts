/** Rule `io-mapping-target`: see src/model/bpmn/rules/io-mapping-target.ts and test/fixtures/bpmn/invalid/io-mapping-target.bpmn. */
import { describeRule } from '../fixtures';

describeRule('io-mapping-target', ['Task_1']);
