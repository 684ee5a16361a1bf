/**
 * `PATCH /instances/{id}/variables`: an operator creates or overwrites root-scope variables of a
 * running BPMN instance (the `updateVariables` update; the engine merges them and re-evaluates
 * its conditional events). 400 for a bad body or a reserved name, 404 for an unknown instance,
 * 409 for a closed one or another kind (state machine, integration), 413 when the variables
 * sent, or the instance's variables after the change, exceed the payload budget.
 */
import { Router } from 'express';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import {
  INSTANCE_CLOSED,
  updateVariablesUpdate,
  VARIABLES_REJECTED,
} from '../../../workflows/messages';
import { WaymarkKind } from '../../temporal/search-attributes';
import type { ApiDeps } from '../deps';
import { describeInstance, queryView, requireRunning, signalRunning } from '../instance-access';
import { HttpProblem, jsonBody, parseOr400 } from '../problem';
import { updateVariablesSchema } from '../schemas';
import { checkPayloadBudget } from '../start/start-budget';

export function instanceVariablesRouter(deps: ApiDeps): Router {
  const router = Router();
  const { client } = deps.temporal;
  const timeoutMs = deps.temporal.timeoutMs ?? 5000;

  router.patch('/instances/:id/variables', async (req, res) => {
    const id = req.params.id;
    const { variables } = parseOr400(updateVariablesSchema, jsonBody(req), 'body');
    checkPayloadBudget(deps.config, 'the variables', variables);
    const { handle, description } = await describeInstance(client, id);
    const kind = description.typedSearchAttributes.get(WaymarkKind);
    if (kind !== 'bpmn')
      throw new HttpProblem(409, `instance '${id}' is a ${kind}, not a BPMN process`, {
        type: 'not-a-bpmn-process',
      });
    requireRunning(id, description);
    // The state after the change must still fit what the instance hands Temporal.
    const { view } = await queryView(client, handle, timeoutMs);
    if (view)
      checkPayloadBudget(deps.config, 'the instance variables after the change', {
        ...view.variables,
        ...variables,
      });
    try {
      const out = await signalRunning(handle, id, (h) =>
        h.executeUpdate(updateVariablesUpdate, { args: [{ variables }] }),
      );
      res.json({ instanceId: description.workflowId, variables: out.variables });
    } catch (err) {
      throw rejection(err, id) ?? err;
    }
  });

  return router;
}

/** The validator's refusal as 400 (bad variables) or 409 (the engine finished). */
function rejection(err: unknown, id: string): HttpProblem | undefined {
  if (!(err instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = err.cause;
  const type = cause instanceof ApplicationFailure ? cause.type : undefined;
  const detail = cause?.message ?? err.message;
  if (type === VARIABLES_REJECTED)
    return new HttpProblem(400, detail, {
      type: 'invalid-body',
      errors: [{ path: 'body.variables', message: detail }],
    });
  if (type === INSTANCE_CLOSED)
    return new HttpProblem(409, `instance '${id}': ${detail}`, { type: 'instance-not-running' });
  return undefined;
}
