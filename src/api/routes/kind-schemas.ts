/**
 * `GET /schemas/{kind}`: the JSON Schema of a JSON definition kind (state machine,
 * integration workflow), generated from the zod schema its `json-kinds.ts` entry validates
 * with. Open, like /openapi.json.
 */
import { Router } from 'express';
import { z } from 'zod';
import { jsonKinds } from '../json-kinds';
import { HttpProblem } from '../problem';

/** The JSON Schemas, open like /openapi.json. */
export function schemasRouter(): Router {
  const router = Router();
  router.get('/schemas/:kind', (req, res) => {
    const kind = jsonKinds[req.params.kind];
    if (!kind)
      throw new HttpProblem(404, `no JSON schema for kind '${req.params.kind}'`, {
        type: 'schema-not-found',
      });
    res.json(z.toJSONSchema(kind.schema, { io: 'input', unrepresentable: 'any' }));
  });
  return router;
}
