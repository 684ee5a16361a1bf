/**
 * Public API of the Waymark engine core: a deterministic step function over
 * BPMN process IR that updates the state it is given and returns commands for the driver.
 * Sandbox-safe (no Node built-ins, I/O, clock or randomness): time comes in with each event.
 * See README.md in this folder for the semantics chosen where BPMN leaves room.
 */
export { startInstance, step, type StepResult } from './reducer';
export {
  activeElements,
  openUserTasks,
  userTaskStatus,
  rootVariables,
  isQuiescent,
  wasVisited,
} from './queries';
export {
  callbackStatus,
  CALLBACK_TASK_TYPE,
  type CallbackInput,
  type CallbackStatus,
} from './callback-waits';
export { evaluateFeel, renderTemplate, type FeelResult, type FeelOptions } from './feel';
export { MAX_ENTRIES_PER_STEP, TRAIL_LIMIT, type StepOptions } from './runtime';
export { EngineError } from './errors';
export { isInterruptible } from './interruptible';
export type * from './types';
