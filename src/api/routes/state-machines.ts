/**
 * State-machine triggers over HTTP: `POST /state-machines/{code}/events` routes an event to
 * the instance for its record (PER_RECORD) or run (PER_RUN), creating it with the first event
 * (signal-with-start, through the one start path in `start/start-workflow.ts`; a record whose
 * instance has finished is not restarted: 409); `POST /instances/{id}/transitions/{code}`
 * fires a MANUAL transition through an Update and answers with the new state, or 409 naming
 * why it did not fire. A disabled definition refuses both (409).
 */
import { Router } from 'express';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';
import {
  fireTransitionUpdate,
  triggerSignal,
  type TriggerInput,
} from '../../../workflows/messages';
import type { StateMachineIR } from '../../model/state-machine';
import { WaymarkKind } from '../../temporal/search-attributes';
import type { ApiDeps } from '../deps';
import { describeInstance, requireRunning } from '../instance-access';
import { HttpProblem, jsonBody, parseOr400 } from '../problem';
import { businessKeySchema, variablesSchema } from '../schemas';
import { pickVersion } from '../start/start-instance';
import { startWorkflow } from '../start/start-workflow';

export const stateMachineEventSchema = z
  .object({
    trigger: z.enum(['ON_IMPORT', 'ON_EXPORT', 'ON_WEBHOOK', 'ON_EVENT']),
    recordId: businessKeySchema.optional().describe('PER_RECORD: the source record'),
    runId: businessKeySchema.optional().describe('PER_RUN: the integration run'),
    event: z.string().min(1).optional().describe('ON_EVENT: the event name'),
    data: variablesSchema.optional(),
  })
  .strict();

export const fireTransitionSchema = z.object({ data: variablesSchema.optional() }).strict();

/** Update rejection type → HTTP status and problem type. */
const refusals: Record<string, [number, string]> = {
  TransitionNotFound: [404, 'transition-not-found'],
  TransitionNotManual: [409, 'transition-not-manual'],
  TransitionNotAllowed: [409, 'transition-not-allowed'],
  TransitionDisabled: [409, 'transition-disabled'],
  ConditionsFalse: [409, 'conditions-false'],
  ActionRunning: [409, 'action-running'],
  ActionFailed: [409, 'action-failed'],
  DefinitionDisabled: [409, 'definition-disabled'],
  InstanceCompleted: [409, 'instance-not-running'],
  TransitionNotFired: [409, 'transition-not-fired'],
};

export function stateMachinesRouter(deps: ApiDeps): Router {
  const router = Router();
  const { client } = deps.temporal;

  router.post('/state-machines/:code/events', async (req, res) => {
    const body = parseOr400(stateMachineEventSchema, jsonBody(req), 'body');
    const def = await deps.registry.definitions.getDefinition(req.params.code);
    if (!def || def.kind !== 'state-machine')
      throw new HttpProblem(404, `state machine '${req.params.code}' not found`, {
        type: 'definition-not-found',
      });
    if (!def.enabled)
      throw new HttpProblem(409, `state machine '${def.key}' is disabled`, {
        type: 'definition-disabled',
      });
    if (body.trigger === 'ON_EVENT' && body.event === undefined)
      throw new HttpProblem(400, 'an ON_EVENT trigger needs an event name', {
        errors: [{ path: 'body.event', message: 'required for ON_EVENT' }],
      });
    const version = await pickVersion(deps, def);
    const ir = version.compiled as StateMachineIR;
    const field = ir.instanceMode === 'PER_RUN' ? 'runId' : 'recordId';
    const id = body[field];
    if (id === undefined)
      throw new HttpProblem(400, `${ir.instanceMode} state machine '${def.key}' needs ${field}`, {
        errors: [{ path: `body.${field}`, message: `required (${ir.instanceMode})` }],
      });
    const trigger: TriggerInput = {
      trigger: body.trigger,
      ...(body.event !== undefined ? { event: body.event } : {}),
      data: body.data ?? {},
      enabled: def.enabled,
    };
    const { response } = await startWorkflow(deps, {
      def,
      plan: async () => ({ version, variables: body.data ?? {}, businessKey: id }),
      signal: { definition: triggerSignal, args: [trigger] },
    });
    res.status(202).json({
      instanceId: response.workflowId,
      workflowId: response.workflowId,
      runId: response.runId,
      trigger: body.trigger,
      ...(body.event !== undefined ? { event: body.event } : {}),
      links: response.links,
    });
  });

  router.post('/instances/:id/transitions/:code', async (req, res) => {
    const body = parseOr400(fireTransitionSchema, jsonBody(req) ?? {}, 'body');
    const { handle, description } = await describeInstance(client, req.params.id);
    if (description.typedSearchAttributes.get(WaymarkKind) !== 'state-machine')
      throw new HttpProblem(409, `instance '${req.params.id}' is not a state machine`, {
        type: 'not-a-state-machine',
      });
    requireRunning(req.params.id, description);
    const def = await deps.registry.definitions.getDefinition(description.type);
    if (def && !def.enabled)
      throw new HttpProblem(409, `state machine '${def.key}' is disabled`, {
        type: 'definition-disabled',
      });
    try {
      const out = await handle.executeUpdate(fireTransitionUpdate, {
        args: [{ code: req.params.code, ...(body.data ? { data: body.data } : {}) }],
      });
      res.json(out);
    } catch (err) {
      if (!(err instanceof WorkflowUpdateFailedError)) throw err;
      const cause = err.cause;
      const type = cause instanceof ApplicationFailure ? (cause.type ?? '') : '';
      const [status, problemType] = refusals[type] ?? [409, 'transition-not-fired'];
      throw new HttpProblem(status, cause?.message ?? err.message, {
        type: problemType,
        transition: req.params.code,
      });
    }
  });

  return router;
}
