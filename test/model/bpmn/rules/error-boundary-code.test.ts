/** Rule `error-boundary-code`: see src/model/bpmn/rules/error-boundary-code.ts and test/fixtures/bpmn/invalid/error-boundary-code.bpmn. */
import { describeRule } from '../fixtures';

describeRule('error-boundary-code', ['Boundary_Error']);
