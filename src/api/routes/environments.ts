/**
 * Environments: scopes for webhook-start tokens. `POST /environments {name, definitions?}`
 * → 201 with the token, shown this once (only its sha256 is stored); `GET /environments`
 * lists them without tokens; `DELETE /environments/{id}` revokes the token.
 */
import { Router } from 'express';
import type { ApiDeps } from '../deps';
import { HttpProblem, jsonBody, parseOr400 } from '../problem';
import { createEnvironmentSchema } from '../runs-schemas';

export function environmentsRouter(deps: ApiDeps): Router {
  const router = Router();

  router.post('/environments', async (req, res) => {
    const body = parseOr400(createEnvironmentSchema, jsonBody(req), 'body');
    if (body.definitions) {
      const unknown: string[] = [];
      const ids: string[] = [];
      for (const idOrKey of body.definitions) {
        const def = await deps.registry.definitions.getDefinition(idOrKey);
        if (def) ids.push(def.id);
        else unknown.push(idOrKey);
      }
      if (unknown.length > 0)
        throw new HttpProblem(
          404,
          `unknown definition${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
          {
            type: 'definition-not-found',
            errors: unknown.map((id) => ({
              path: 'body.definitions',
              message: `unknown definition '${id}'`,
            })),
          },
        );
      body.definitions = [...new Set(ids)];
    }
    const { environment, token } = await deps.registry.environments.create(body);
    res.status(201).json({ ...environment, token });
  });

  router.get('/environments', async (_req, res) => {
    res.json({ items: await deps.registry.environments.list() });
  });

  router.delete('/environments/:id', async (req, res) => {
    if (!(await deps.registry.environments.delete(req.params.id)))
      throw new HttpProblem(404, `environment '${req.params.id}' not found`, {
        type: 'environment-not-found',
      });
    res.status(204).end();
  });

  return router;
}
