/** Rule `signal-event-signal`: see src/model/bpmn/rules/signal-event-signal.ts and test/fixtures/bpmn/invalid/signal-event-signal.bpmn. */
import { describeRule } from '../fixtures';

describeRule('signal-event-signal', ['Throw_NoRef', 'End_NoName']);
