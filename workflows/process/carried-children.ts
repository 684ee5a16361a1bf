/**
 * Call activities that outlive a run (driver revision 3): continue-as-new no longer waits for
 * children. A child is started abandoned by its parent's close (`ParentClosePolicy.ABANDON`,
 * so continue-as-new does not terminate it), with `reportTo` naming the parent's workflow id
 * and the call activity's feiId; when it ends it signals `childDone` to that workflow id,
 * which Temporal delivers to whichever run is current. The run that started the child awaits
 * its result as before; a run that inherited it (`carriedChildren` in its input) waits for the
 * signal. A carried child interrupted by a boundary event is cancelled through an external
 * handle. A child terminated by an operator sends nothing: its call activity waits until the
 * operator retries or cancels the parent (README: design choices).
 */
import {
  getExternalWorkflowHandle,
  ParentClosePolicy,
  startChild,
  uuid4,
  workflowInfo,
  type CancellationScope,
} from '@temporalio/workflow';
import type { EngineEvent, Variables } from '../../src/engine/types';
import { startSearchAttributes } from '../../src/temporal/search-attributes';
import { childFailure } from '../failures';
import { now } from '../lifecycle';
import {
  childDoneSignal,
  DRIVER_REVISION,
  type ChildDoneInput,
  type ProcessWorkflowInput,
} from '../messages';
import { resolveDefinition } from '../resolve-definition';
import { childInputProblem, payloadLimit } from './budget';
import { crossInstanceEvents } from './revisions';
import type { StartChild } from './types';

/** From this driver revision on, call activities are carried across continue-as-new. */
export const CARRY_CHILDREN_REVISION = 3;

/** Whether this run carries its children across continue-as-new. */
export function carriesChildren(input: ProcessWorkflowInput): boolean {
  return (input.revision ?? 1) >= CARRY_CHILDREN_REVISION && input.failOnIncident !== true;
}

/** The engine event a child's outcome settles with. */
export function childEvent(feiId: string, outcome: ChildDoneInput['outcome']): EngineEvent {
  return outcome.ok
    ? { type: 'childCompleted', feiId, variables: outcome.variables ?? {}, now: now() }
    : { type: 'childFailed', feiId, message: outcome.message, now: now() };
}

/**
 * Starts the child of a call activity in `scope`, abandoned by the parent's close, and
 * resolves with its outcome. `started` learns the child's workflow id as soon as it runs.
 */
export async function runCarriedChild(
  scope: CancellationScope,
  cmd: StartChild,
  parentInput: ProcessWorkflowInput,
  started: (workflowId: string) => void,
): Promise<EngineEvent> {
  const limit = payloadLimit(parentInput);
  // Revision 4: the ledger knows the child's id before its start resolves, so an escalation it
  // sends at once (handled before its start in the same activation) can cancel it.
  const early = crossInstanceEvents(parentInput);
  try {
    const variables = await scope.run(async () => {
      const { definition, ir } = await resolveDefinition(cmd.processId, 'bpmn');
      const parent = workflowInfo().workflowId;
      const input: ProcessWorkflowInput = {
        kind: 'bpmn',
        definition,
        ir,
        variables: cmd.variables,
        revision: DRIVER_REVISION,
        ...(parentInput.builtinActivityMode
          ? { builtinActivityMode: parentInput.builtinActivityMode }
          : {}),
        reportTo: { workflowId: parent, feiId: cmd.feiId },
        calledFrom: cmd.feiId,
      };
      const tooBig = childInputProblem(cmd.elementId, input, limit);
      if (tooBig !== undefined) return { tooBig };
      const workflowId = `${definition.key}:${uuid4()}`;
      if (early) started(workflowId);
      const handle = await startChild<(i: ProcessWorkflowInput) => Promise<Variables>>(
        definition.key,
        {
          workflowId,
          args: [input],
          taskQueue: workflowInfo().taskQueue,
          parentClosePolicy: ParentClosePolicy.ABANDON,
          staticSummary: `${definition.name ?? definition.key} v${definition.version} · called by ${cmd.elementId}`,
          typedSearchAttributes: startSearchAttributes('bpmn', definition),
        },
      );
      if (!early) started(handle.workflowId);
      return { result: (await handle.result()) ?? {} };
    });
    if ('tooBig' in variables)
      return childEvent(cmd.feiId, { ok: false, message: variables.tooBig as string });
    return childEvent(cmd.feiId, { ok: true, variables: variables.result });
  } catch (err) {
    const message = childFailure(err);
    if (message === undefined) throw err;
    return childEvent(cmd.feiId, { ok: false, message });
  }
}

/** Asks a carried child to cancel; settles once the request was delivered (or the child had ended). */
export function cancelCarriedChild(workflowId: string): Promise<void> {
  return getExternalWorkflowHandle(workflowId)
    .cancel()
    .catch(() => undefined);
}

/** A child started with `reportTo`: tells its parent how it ended. */
export async function reportToParent(
  input: ProcessWorkflowInput,
  outcome: ChildDoneInput['outcome'],
): Promise<void> {
  if (!input.reportTo) return;
  const { workflowId, feiId } = input.reportTo;
  await getExternalWorkflowHandle(workflowId)
    .signal(childDoneSignal, { feiId, childWorkflowId: workflowInfo().workflowId, outcome })
    .catch(() => undefined); // the parent has ended: nobody waits
}
