/**
 * A state-machine transition's action: the definition named by key is resolved (latest
 * deployed version, any kind) and run as a child workflow whose input carries the compiled IR
 * and the instance data as its variables — `{kind, definition, ir, variables}`, the shape every
 * Waymark kind starts with, so BPMN processes, state machines and integration workflows plug in
 * alike. A BPMN child runs with `failOnIncident`: an incident inside it fails the action
 * instead of parking forever.
 */
import type { CancellationScope } from '@temporalio/workflow';
import type { Variables } from '../../src/engine/types';
import { executeDefinition } from '../children';
import { childFailure } from '../failures';
import { resolveDefinition } from '../resolve-definition';

export type ActionOutcome = { ok: true; data: Variables } | { ok: false; message: string };

/** Runs the action; a failure (unknown definition, failed child) is an outcome, not a throw. */
export async function runAction(
  scope: CancellationScope,
  cmd: { actionId: string; workflow: string; transition: string; data: Variables },
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
      const result = await executeDefinition<typeof input, unknown>(definition, {
        kind,
        input,
        summary: ` · action of ${cmd.transition}`,
        workflowId: `${definition.key}:${cmd.actionId.replace(/\//g, '~')}`,
      });
      return resultData(result);
    });
    return { ok: true, data };
  } catch (err) {
    const message = childFailure(err);
    if (message === undefined) throw err;
    return { ok: false, message };
  }
}

/** A child's result as data: a state machine's `{state, data}` gives its data; objects as is. */
function resultData(result: unknown): Variables {
  if (!result || typeof result !== 'object' || Array.isArray(result)) return {};
  const r = result as Variables;
  if (typeof r.state === 'string' && r.data && typeof r.data === 'object')
    return r.data as Variables;
  return r;
}
