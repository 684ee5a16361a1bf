/**
 * BPMN actions that outlive a run (driver revision 6): a transition's action waiting on a
 * person no longer holds back continue-as-new. As for call activities
 * (process/carried-children.ts), the child is started abandoned by the machine's close with
 * `reportTo` naming the machine's workflow id and the action id; when it ends it signals
 * `childDone`, which Temporal delivers to whichever run is current. The run that started the
 * action takes the first of its result and its signal; a run that inherited it (`carriedActions`
 * in its input) waits for the signal. Cancelling the machine cancels a carried action through an
 * external handle. Integration and state-machine actions are not carried (README: design choices).
 */
import type { ChildDoneInput, StateMachineWorkflowInput } from '../messages';
import { ChildLedger } from '../process/child-ledger';
import { resultData, type ActionOutcome } from './action';

/** From this driver revision on, a machine carries its BPMN actions across continue-as-new. */
export const CARRY_ACTIONS_REVISION = 6;

/** Whether this run carries its BPMN actions across continue-as-new. */
export function carriesActions(input: StateMachineWorkflowInput): boolean {
  return (input.revision ?? 0) >= CARRY_ACTIONS_REVISION;
}

/** The ledger of this run's carried actions: those it started and those it inherited. */
export function actionLedger(input: StateMachineWorkflowInput): ChildLedger {
  return new ChildLedger(input.carriedActions, true, true);
}

/** A `childDone` signal's outcome as an action's outcome. */
export function doneOutcome(done: ChildDoneInput): ActionOutcome {
  return done.outcome.ok
    ? { ok: true, data: resultData(done.outcome.variables) }
    : { ok: false, message: done.outcome.message };
}
