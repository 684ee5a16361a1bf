/**
 * The state-machine workflow: runs one state-machine instance (or resumes it after
 * continue-as-new) by wiring the driver (driver.ts) to its handlers (handlers.ts) and waiting
 * for the instance to complete or for continue-as-new to be due at a quiescent point (no action
 * in flight, no handler running): the timers are re-armed from their stored due times in the
 * next run. BPMN actions are carried across continue-as-new (carried-actions.ts); when other
 * work holds it back and the history nears Temporal's limit, the run parks (history-guard.ts)
 * until that work ends. Triggers arrive as the `trigger` signal, MANUAL transitions as the `fireTransition`
 * update, enable/disable as the `setEnabled` signal.
 *
 * Every `await` here is part of the recorded histories' shape: keep them where they are.
 */
import {
  allHandlersFinished,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
} from '@temporalio/workflow';
import type { StateMachineResult, StateMachineWorkflowInput } from '../messages';
import { MachineDriver } from './driver';
import { registerMachineHandlers } from './handlers';

/** Runs one state-machine instance (or resumes it after continue-as-new). */
export async function runStateMachine(
  input: StateMachineWorkflowInput,
): Promise<StateMachineResult> {
  const driver = MachineDriver.start(input);
  registerMachineHandlers(driver);

  try {
    await condition(() => !driver.running || driver.readyToHandOver() || driver.mustPark());
    if (driver.running && driver.mustPark()) {
      driver.park();
      await condition(() => !driver.running || driver.readyToHandOver());
    }
  } catch (err) {
    if (isCancellation(err)) {
      await CancellationScope.nonCancellable(async () => driver.cancelAll());
    }
    throw err;
  }
  if (driver.running) {
    await continueAsNew<typeof runStateMachine>(driver.handOver());
  }
  await condition(allHandlersFinished);
  return driver.result();
}
