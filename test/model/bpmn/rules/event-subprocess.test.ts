/** Rule `event-subprocess`: see src/model/bpmn/rules/event-subprocess.ts and test/fixtures/bpmn/invalid/event-subprocess.bpmn. */
import { describeRule } from '../fixtures';

describeRule('event-subprocess', [
  'Esp_Flows',
  'Boundary_OnEsp',
  'Start_None',
  'Start_Error',
  'Esp_Two',
  'Esp_DupMessage',
]);
