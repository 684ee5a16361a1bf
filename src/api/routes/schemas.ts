/**
 * GET /schemas/{kind}: the JSON Schema of a JSON definition kind, generated from the zod
 * schema that validates uploads (open, like /openapi.json). Add a kind with one map entry.
 */
import { Router } from 'express';
import { integrationJsonSchema } from '../../model/integration/schema';
import { HttpProblem } from '../problem';

const schemas: Record<string, () => Record<string, unknown>> = {
  integration: integrationJsonSchema,
};

export function schemasRouter(): Router {
  const router = Router();
  router.get('/schemas/:kind', (req, res) => {
    const build = schemas[req.params.kind];
    if (!build)
      throw new HttpProblem(404, `no JSON schema for kind '${req.params.kind}'`, {
        type: 'schema-not-found',
      });
    res.type('application/schema+json').json(build());
  });
  return router;
}
