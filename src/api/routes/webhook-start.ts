/**
 * Webhook start: `POST /webhook/send?uid={definition id}` starts the latest deployed version
 * of a definition. It does not use API keys: the caller presents an environment token in the
 * `authorization` header (bare, or `Bearer <token>`). Checks in order: token (401), definition
 * (404), the environment may start it (403), disabled / draft only (409), mandatory fields
 * (400 naming each). The body is `{payload: {...}}` or the bare payload object; its fields
 * become the start variables. `Idempotency-Key` → the same instance on retry (keys are the
 * environment's own; the same key with another payload is a 422). 202
 * `{instanceId, workflowId, runId}`.
 *
 * Mounted before the API-key middleware, with its own JSON parser (same body limit).
 */
import express, { Router, type RequestHandler } from 'express';
import type { Environment } from '../../registry/environments-store';
import type { ApiDeps } from '../deps';
import { HttpProblem, jsonBody, parseOr400 } from '../problem';
import { idempotencyOf } from '../start/idempotency';
import { startInstance } from '../start/start-instance';
import { webhookSendQuerySchema } from '../runs-schemas';

const unauthorized = () =>
  new HttpProblem(401, 'missing or invalid environment token (authorization: <token>)', {
    type: 'unauthorized',
  });

/** The token from `authorization: <token>` or `authorization: Bearer <token>`. */
function presentedToken(header: string | undefined): string | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  const bearer = /^Bearer\s+(.+)$/i.exec(value);
  return (bearer ? bearer[1] : value).trim() || undefined;
}

export function webhookStartRouter(deps: ApiDeps): Router {
  const router = Router();
  /** The token is checked before the body is read: a bad one never costs a parse. */
  const authenticate: RequestHandler = async (req, res, next) => {
    const token = presentedToken(req.headers.authorization);
    const environment = token ? await deps.registry.environments.verifyToken(token) : undefined;
    if (!environment) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="waymark-webhook"');
      throw unauthorized();
    }
    res.locals.environment = environment;
    next();
  };
  router.post(
    '/webhook/send',
    authenticate,
    express.json({
      limit: deps.config.WAYMARK_BODY_LIMIT,
      type: ['application/json', 'application/*+json'],
    }),
    async (req, res) => {
      const environment = res.locals.environment as Environment;
      const { uid } = parseOr400(webhookSendQuerySchema, req.query, 'query');
      const def = await deps.registry.definitions.getDefinition(uid);
      if (!def)
        throw new HttpProblem(404, `definition '${uid}' not found`, {
          type: 'definition-not-found',
        });
      if (environment.definitions && !environment.definitions.includes(def.id))
        throw new HttpProblem(
          403,
          `environment '${environment.name}' may not start definition '${def.key}'`,
          { type: 'forbidden' },
        );
      const raw = jsonBody(req);
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
        throw new HttpProblem(
          400,
          'the body must be a JSON object ({payload:{…}} or the payload)',
          {
            type: 'invalid-body',
            errors: [{ path: 'body', message: 'expected an object' }],
          },
        );
      const body = raw as Record<string, unknown>;
      const wrapped = Object.keys(body).length === 1 && 'payload' in body;
      const payload = wrapped ? body.payload : body;
      if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
        throw new HttpProblem(400, 'payload must be a JSON object', {
          type: 'invalid-body',
          errors: [{ path: 'body.payload', message: 'expected an object' }],
        });
      if (def.enabled && !(await deps.registry.definitions.compiledVersion(def.id)))
        throw new HttpProblem(
          409,
          `draft versions cannot be started: '${def.key}' has no deployed version`,
          {
            type: 'version-not-deployed',
          },
        );
      // `{payload}` and the bare payload are the same request.
      const idempotency = idempotencyOf(req, `environment:${environment.id}`, payload);
      const { response, replayed } = await startInstance(
        deps,
        def.id,
        { variables: payload as Record<string, unknown> },
        idempotency,
        { variablesPath: wrapped ? 'body.payload' : 'body' },
      );
      if (replayed) res.setHeader('Idempotent-Replayed', 'true');
      res.status(202).location(response.links.self).json({
        instanceId: response.instanceId,
        workflowId: response.workflowId,
        runId: response.runId,
      });
    },
  );
  return router;
}
