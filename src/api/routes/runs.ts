/**
 * Runs (the runs API; the seed named it the Workflows API, hence its paths): `POST
 * /workflows/run` starts the latest deployed version of a definition for a case, with `case`
 * and `parameters` as start variables and the case in search attribute WaymarkCaseId. The run id is the Temporal workflow id (stable across
 * continue-as-new), so every instance endpoint accepts it too.
 *
 * `GET /workflows/runs/{runId}?wait=30` long-polls: while the run is open it awaits the
 * workflow's result — the client long-polls history for the close event (`waitNewEvent`),
 * no busy polling — under a gRPC deadline of `wait` seconds, then answers with the status.
 * `GET /workflows/runs/{runId}/result` answers the outcome once closed, 409 while running.
 */
import { Router } from 'express';
import { WorkflowFailedError } from '@temporalio/client';
import { WaymarkCaseId, WaymarkDefinitionId } from '../../temporal/search-attributes';
import type { ApiDeps } from '../deps';
import { describeInstance } from '../instance-access';
import { checkParameters } from '../parameters-check';
import { HttpProblem, jsonBody, parseOr400 } from '../problem';
import { callerOf, idempotencyOf } from '../start/idempotency';
import { startInstance } from '../start/start-instance';
import { mapStatus, withDeadline } from '../temporal-views';
import { runStatusQuerySchema, startRunSchema } from '../runs-schemas';
import { declaredParameters } from './parameters';

export function runsRouter(deps: ApiDeps): Router {
  const router = Router();
  const { client } = deps.temporal;
  const timeoutMs = deps.temporal.timeoutMs ?? 5000;

  router.post('/workflows/run', async (req, res) => {
    const body = parseOr400(startRunSchema, jsonBody(req), 'body');
    const idempotency = idempotencyOf(req, callerOf(res), body);
    const def = await deps.registry.definitions.getDefinition(body.workflowDefinitionId);
    if (!def)
      throw new HttpProblem(404, `definition '${body.workflowDefinitionId}' not found`, {
        type: 'definition-not-found',
      });
    const found = await deps.registry.cases.get(body.caseId);
    if (!found)
      throw new HttpProblem(404, `case '${body.caseId}' not found`, { type: 'case-not-found' });
    let parameters: Record<string, unknown> = {};
    if (body.parametersId !== undefined) {
      const set = await deps.registry.parameters.get(body.parametersId);
      if (!set)
        throw new HttpProblem(404, `parameter set '${body.parametersId}' not found`, {
          type: 'parameters-not-found',
        });
      if (set.workflowDefinitionId !== def.id)
        throw new HttpProblem(
          400,
          `parameter set '${set.parametersId}' is for another definition`,
          {
            type: 'invalid-body',
            errors: [{ path: 'body.parametersId', message: 'belongs to another definition' }],
          },
        );
      parameters = set.parameters;
    }
    // Parameters are re-checked against the version that will run (it may be newer).
    const problems = checkParameters(await declaredParameters(deps, def.id), parameters);
    if (problems.length > 0)
      throw new HttpProblem(
        400,
        `the parameters do not fit the definition: ${problems.map((p) => p.path).join(', ')}`,
        { type: 'invalid-parameters', errors: problems },
      );
    const { response, replayed } = await startInstance(
      deps,
      def.id,
      { variables: { case: found, parameters } },
      idempotency,
      { caseId: found.caseId },
    );
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    res
      .status(201)
      .location(
        `${deps.config.publicUrl}/workflows/runs/${encodeURIComponent(response.workflowId)}`,
      )
      .json({
        runId: response.workflowId,
        status: 'RUNNING',
        workflowId: response.workflowId,
        instanceId: response.instanceId,
        workflowDefinitionId: def.id,
        caseId: found.caseId,
        links: response.links,
      });
  });

  router.get('/workflows/runs/:runId', async (req, res) => {
    const q = parseOr400(runStatusQuerySchema, req.query, 'query');
    const described = await describeInstance(client, req.params.runId);
    const { handle } = described;
    let { description } = described;
    if (description.status.name === 'RUNNING' && q.wait) {
      try {
        await withDeadline(client, q.wait * 1000, () => handle.result());
      } catch {
        // The wait ended, or the run closed unsuccessfully: the description tells which.
      }
      description = await handle.describe();
    }
    const caseId = description.typedSearchAttributes.get(WaymarkCaseId);
    res.json({
      runId: description.workflowId,
      status: mapStatus(description.status.name),
      startedAt: description.startTime.toISOString(),
      ...(description.closeTime ? { closedAt: description.closeTime.toISOString() } : {}),
      workflowDefinitionId: description.typedSearchAttributes.get(WaymarkDefinitionId),
      ...(caseId !== undefined ? { caseId } : {}),
    });
  });

  router.get('/workflows/runs/:runId/result', async (req, res) => {
    const { handle, description } = await describeInstance(client, req.params.runId);
    const status = mapStatus(description.status.name);
    if (status === 'RUNNING')
      throw new HttpProblem(409, `run '${description.workflowId}' is still running`, {
        type: 'run-not-closed',
        status,
      });
    let outcome: Record<string, unknown>;
    try {
      outcome = { result: await withDeadline(client, timeoutMs, () => handle.result()) };
    } catch (err) {
      // Only the run's own failure is an outcome; a timeout or an unreachable server while
      // fetching it is the API's problem (503), not a failed run.
      if (!(err instanceof WorkflowFailedError)) throw err;
      const cause = err.cause ?? err;
      outcome = { error: cause.message };
    }
    res.json({
      runId: description.workflowId,
      status,
      ...(description.closeTime ? { closedAt: description.closeTime.toISOString() } : {}),
      ...outcome,
    });
  });

  return router;
}
