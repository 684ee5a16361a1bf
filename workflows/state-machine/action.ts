/**
 * A state-machine transition's action: the definition named by key is resolved (latest
 * deployed version, any kind) and run as a child workflow whose input carries the compiled IR
 * and the instance data as its variables — `{kind, definition, ir, variables}`, the shape every
 * Waymark kind starts with, so BPMN processes, state machines and integration workflows plug in
 * alike. A BPMN child runs with `failOnIncident`: an incident inside it fails the action
 * instead of parking forever.
 *
 * With `carry` (driver revision 6, carried-actions.ts) a BPMN action is started abandoned by
 * the machine's close and reports its end to the machine's workflow id, so continue-as-new
 * need not wait for it; other kinds are short (integration workflows) or rare (a state machine
 * as an action) and run as before.
 */
import { workflowInfo, type CancellationScope } from '@temporalio/workflow';
import type { Variables } from '../../src/engine/types';
import { executeDefinition, startAbandonedDefinition, type ChildDefinition } from '../children';
import { childFailure } from '../failures';
import { resolveDefinition } from '../resolve-definition';

export type ActionOutcome = { ok: true; data: Variables } | { ok: false; message: string };

/** How a carried action tells the driver that its child runs (and under which workflow id). */
export interface ActionCarry {
  started(workflowId: string): void;
}

/** Runs the action; a failure (unknown definition, failed child) is an outcome, not a throw. */
export async function runAction(
  scope: CancellationScope,
  cmd: { actionId: string; workflow: string; transition: string; data: Variables },
  carry?: ActionCarry,
): Promise<ActionOutcome> {
  try {
    const data = await scope.run(async () => {
      const { definition, ir } = await resolveDefinition(cmd.workflow, 'any');
      const kind = ir.kind;
      const input = {
        kind,
        definition,
        ir,
        variables: cmd.data,
        ...(kind === 'bpmn' ? { failOnIncident: true } : {}),
      };
      const start = {
        kind,
        input,
        summary: ` · action of ${cmd.transition}`,
        workflowId: `${definition.key}:${cmd.actionId.replace(/\//g, '~')}`,
      };
      const result =
        carry && kind === 'bpmn'
          ? await startCarried(definition, start, cmd.actionId, carry)
          : await executeDefinition<typeof input, unknown>(definition, start);
      return resultData(result);
    });
    return { ok: true, data };
  } catch (err) {
    const message = childFailure(err);
    if (message === undefined) throw err;
    return { ok: false, message };
  }
}

/** Starts a BPMN action abandoned by the machine's close, reporting to the machine; awaits its result. */
async function startCarried(
  definition: ChildDefinition,
  start: { kind: string; input: object; summary: string; workflowId: string },
  actionId: string,
  carry: ActionCarry,
): Promise<unknown> {
  const reportTo = { workflowId: workflowInfo().workflowId, feiId: actionId };
  const handle = await startAbandonedDefinition<object, unknown>(definition, {
    ...start,
    input: { ...start.input, reportTo },
  });
  carry.started(handle.workflowId);
  return handle.result();
}

/** A child's result as data: a state machine's `{state, data}` gives its data; objects as is. */
export function resultData(result: unknown): Variables {
  if (!result || typeof result !== 'object' || Array.isArray(result)) return {};
  const r = result as Variables;
  if (typeof r.state === 'string' && r.data && typeof r.data === 'object')
    return r.data as Variables;
  return r;
}
