/**
 * Process instances: start one from a definition, list them from Temporal visibility
 * (filters, paging by token), read one (Temporal status + the workflow's own view), cancel,
 * deliver a message, retry an incident (variables: instance-variables.ts). Execution state is
 * never copied to the registry.
 */
import { Router } from 'express';
import { messageSignal, retryIncidentUpdate } from '../../../workflows/messages';
import { WaymarkKind } from '../../temporal/search-attributes';
import type { ApiDeps } from '../deps';
import {
  describeInstance,
  describedFields,
  instanceLinks,
  queryView,
  requireRunning,
  signalRunning,
  updateRejection,
} from '../instance-access';
import { requireSubscribedMessage } from '../message-names';
import { HttpProblem, jsonBody, parseOr400 } from '../problem';
import { listInstancesQuerySchema, messageSchema, startInstanceSchema } from '../schemas';
import { callerOf, idempotencyOf } from '../start/idempotency';
import { startInstance } from '../start/start-instance';
import { listPage, literal, visibilityStatus, waymarkOnly, withDeadline } from '../temporal-views';

export function instancesRouter(deps: ApiDeps): Router {
  const router = Router();
  const { client } = deps.temporal;
  const timeoutMs = deps.temporal.timeoutMs ?? 5000;

  router.post('/definitions/:idOrKey/instances', async (req, res) => {
    const body = parseOr400(startInstanceSchema, jsonBody(req), 'body');
    // The definition is in the key's scope already; the body is what a retry must repeat.
    const idempotency = idempotencyOf(req, callerOf(res), body);
    const { response, replayed } = await startInstance(deps, req.params.idOrKey, body, idempotency);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(201).location(response.links.self).json(response);
  });

  router.get('/instances', async (req, res) => {
    const q = parseOr400(listInstancesQuerySchema, req.query, 'query');
    const clauses = [waymarkOnly];
    if (q.definition !== undefined) {
      const def = await deps.registry.definitions.getDefinition(q.definition);
      // An unknown definition matches nothing; `WorkflowType` still finds instances of deleted ones.
      clauses.push(
        def
          ? `WaymarkDefinitionId = ${literal(def.id)}`
          : `WorkflowType = ${literal(q.definition)}`,
      );
    }
    if (q.status !== undefined)
      clauses.push(`ExecutionStatus = ${literal(visibilityStatus[q.status])}`);
    if (q.businessKey !== undefined) clauses.push(`WaymarkBusinessKey = ${literal(q.businessKey)}`);
    if (q.state !== undefined) clauses.push(`WaymarkState = ${literal(q.state)}`);
    let page;
    try {
      page = await listPage(client, clauses.join(' AND '), q.pageSize ?? 50, q.nextPageToken);
    } catch (err) {
      if (q.nextPageToken && /token/i.test(String((err as Error)?.message))) {
        throw new HttpProblem(400, 'invalid nextPageToken', { type: 'invalid-page-token' });
      }
      throw err;
    }
    res.json({
      items: page.items.map((i) => ({ ...i, links: instanceLinks(deps, i.workflowId) })),
      ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    });
  });

  router.get('/instances/:id', async (req, res) => {
    const { handle, description } = await describeInstance(client, req.params.id);
    const fields = describedFields(description);
    const { view, error } = await queryView(client, handle, timeoutMs);
    let result = view?.result;
    if (result === undefined && fields.status === 'COMPLETED') {
      // No worker to answer the query: the workflow's return value is in history.
      result = await withDeadline(
        client,
        timeoutMs,
        () => handle.result() as Promise<Record<string, unknown>>,
      ).catch(() => undefined);
    }
    res.json({
      ...fields,
      /** bpmn, state-machine or integration (search attribute WaymarkKind). */
      kind: description.typedSearchAttributes.get(WaymarkKind),
      variables: view?.variables,
      activeElements: view?.activeElements ?? [],
      incidents: view?.incidents ?? [],
      userTasks: view?.userTasks ?? [],
      trail: view?.trail ?? [],
      trailDropped: view?.trailDropped ?? 0,
      /** How many times this instance continued as new. */
      generation: view?.generation ?? 0,
      ...(view?.state !== undefined ? { state: view.state, enabled: view.enabled } : {}),
      ...(result !== undefined ? { result } : {}),
      ...(view?.error !== undefined ? { error: view.error } : {}),
      ...(error !== undefined ? { queryError: error } : {}),
      links: instanceLinks(deps, description.workflowId),
    });
  });

  router.post('/instances/:id/cancel', async (req, res) => {
    const { handle, description } = await describeInstance(client, req.params.id);
    requireRunning(req.params.id, description);
    await handle.cancel();
    res.status(202).json({ instanceId: description.workflowId, status: 'CANCEL_REQUESTED' });
  });

  router.post('/instances/:id/messages', async (req, res) => {
    const body = parseOr400(messageSchema, jsonBody(req), 'body');
    const { handle, description } = await describeInstance(client, req.params.id);
    requireRunning(req.params.id, description);
    await requireSubscribedMessage(deps, describedFields(description).definition, body.name);
    const message = { ...body, timeToLive: body.timeToLive ?? deps.config.WAYMARK_MESSAGE_TTL_MS };
    await signalRunning(handle, req.params.id, (h) => h.signal(messageSignal, message));
    res
      .status(202)
      .json({ instanceId: description.workflowId, accepted: body.name, messageId: body.messageId });
  });

  router.post('/instances/:id/incidents/:incidentId/retry', async (req, res) => {
    const { handle, description } = await describeInstance(client, req.params.id);
    requireRunning(req.params.id, description);
    try {
      const out = await handle.executeUpdate(retryIncidentUpdate, {
        args: [{ incidentId: req.params.incidentId }],
      });
      res.json({ instanceId: description.workflowId, ...out });
    } catch (err) {
      const rejection = updateRejection(err);
      if (rejection === undefined) throw err;
      // The validator rejects only unknown (or already resolved) incidents.
      throw new HttpProblem(404, rejection, { type: 'incident-not-found' });
    }
  });

  return router;
}
