/**
 * The messages a running state machine answers (their definitions: messages.ts): the
 * `instance` query, the `trigger` and `setEnabled` signals, and the `fireTransition` update for
 * MANUAL transitions — validated against the current state first, answered once the state has
 * changed (after the transition's action, when it has one).
 */
import { ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import type { Variables } from '../../src/engine/types';
import { now } from '../lifecycle';
import {
  childDoneSignal,
  fireTransitionUpdate,
  instanceQuery,
  setEnabledSignal,
  triggerSignal,
  type FireTransitionResult,
} from '../messages';
import type { MachineDriver } from './driver';

/** Registers every handler of a state machine, in the order the recorded histories saw them. */
export function registerMachineHandlers(driver: MachineDriver): void {
  setHandler(instanceQuery, () => driver.view(), {
    description: 'The instance: state, data, incidents, trail of state changes',
  });
  setHandler(triggerSignal, (t) => void driver.dispatch({ type: 'trigger', ...t, now: now() }), {
    description:
      'A trigger {trigger: ON_IMPORT|ON_EXPORT|ON_WEBHOOK|ON_EVENT, event?, data?, enabled?}',
  });
  setHandler(
    setEnabledSignal,
    ({ enabled }) => void driver.dispatch({ type: 'enabledChanged', enabled, now: now() }),
    { description: 'The definition was enabled / disabled {enabled}' },
  );
  setHandler(fireTransitionUpdate, ({ code, data }) => fireTransition(driver, code, data), {
    description: 'Fire a MANUAL transition {code, data?}: answers with the new state',
    validator: ({ code, data }) => {
      const refusal = driver.manualRefusal(code, data ?? {});
      if (refusal)
        throw ApplicationFailure.create({ type: refusal.type, message: refusal.message });
    },
  });
  setHandler(childDoneSignal, (done) => driver.childDone(done), {
    description:
      'A carried action (a BPMN child) ended {feiId: action id, childWorkflowId, outcome}',
  });
}

/** Fires MANUAL transition `code`; waits for its action, if it starts one. */
async function fireTransition(
  driver: MachineDriver,
  code: string,
  data: Variables | undefined,
): Promise<FireTransitionResult> {
  const previousState = driver.state.current;
  const outcome = driver.dispatch({
    type: 'trigger',
    trigger: 'MANUAL',
    transition: code,
    data: data ?? {},
    now: now(),
  });
  let final = outcome;
  if (outcome.kind === 'actionStarted') {
    await condition(() => driver.hasOutcome(outcome.actionId));
    final = driver.takeOutcome(outcome.actionId);
  }
  if (final.kind === 'fired')
    return {
      instanceId: driver.workflowId,
      transition: code,
      previousState,
      state: final.toState,
    };
  throw ApplicationFailure.create({
    type: final.kind === 'actionFailed' ? 'ActionFailed' : 'TransitionNotFired',
    message:
      final.kind === 'actionFailed'
        ? `the action of transition '${code}' failed: ${final.message}; the state stays '${driver.state.current}'`
        : final.kind === 'none'
          ? final.reason
          : `transition '${code}' did not fire`,
    nonRetryable: true,
  });
}
