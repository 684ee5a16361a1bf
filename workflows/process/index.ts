/**
 * The BPMN process workflow: runs one process instance (or resumes it after continue-as-new)
 * by wiring the driver (driver.ts) to its message handlers (handlers.ts) and waiting — for the
 * instance to end, for continue-as-new to be due, or (a state-machine action) for its first
 * incident. Continue-as-new waits until no activity or child is in flight and no handler runs;
 * a cancelled workflow records the cancellation in the engine before it ends CANCELED.
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
import type { Variables } from '../../src/engine/types';
import type { ProcessContinuation, ProcessWorkflowInput } from '../messages';
import { ProcessDriver } from './driver';
import { registerProcessHandlers } from './handlers';
import { withIr } from './ir-ref';
import { historyNearLimit } from '../lifecycle';
import { reportToParent } from './carried-children';
import { holdsMessageKey, releaseMessageKey } from './key-release';

/**
 * Runs one BPMN process instance (or resumes it after continue-as-new). A continuation with
 * its IR by reference loads it first; any other input starts at once, with no await before the
 * handlers are registered (as the recorded histories ran).
 */
export function runProcess(input: ProcessWorkflowInput | ProcessContinuation): Promise<Variables> {
  return 'irRef' in input ? withIr(input).then(runLoaded) : runLoaded(input);
}

async function runLoaded(input: ProcessWorkflowInput): Promise<Variables> {
  const driver = ProcessDriver.start(input);
  registerProcessHandlers(driver);

  try {
    await condition(
      () => !driver.running || driver.continueAsNewDue() || driver.incidentFailure() !== undefined,
    );
    if (driver.running && driver.incidentFailure() === undefined) {
      driver.drain();
      await condition(
        () => !driver.running || driver.quiescent() || historyNearLimit(input.limits),
      );
      if (driver.running && !driver.quiescent() && historyNearLimit(input.limits)) {
        driver.park();
        await condition(() => !driver.running);
      } else if (driver.running && driver.keepRunningIfTooBig()) {
        await condition(() => !driver.running || historyNearLimit(input.limits));
        if (driver.running) driver.park();
        await condition(() => !driver.running);
      } else if (driver.running) {
        const notified = driver.notificationsStarted();
        if (notified) await notified;
        await continueAsNew<typeof runProcess>(driver.handOver());
      }
    }
  } catch (err) {
    if (isCancellation(err)) {
      // Record the cancellation in the engine, outside the cancelled scope, then end CANCELED.
      await CancellationScope.nonCancellable(async () => driver.cancelRequested());
      if (holdsMessageKey(input))
        await CancellationScope.nonCancellable(() => releaseMessageKey(input));
    }
    throw err;
  }

  const sent = driver.signalsDelivered();
  if (sent) await sent; // only instances that escalated to their caller or broadcast wait here
  driver.failAtIncident();
  await condition(allHandlersFinished);
  const conclusion = driver.conclude();
  const notified = driver.notificationsStarted();
  if (notified) await notified;
  if (holdsMessageKey(input)) await releaseMessageKey(input);
  if (input.reportTo)
    await reportToParent(
      input,
      conclusion.ok
        ? { ok: true, variables: conclusion.result }
        : { ok: false, message: conclusion.failure.message },
    );
  if (!conclusion.ok) throw conclusion.failure;
  return conclusion.result;
}
