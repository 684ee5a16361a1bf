/**
 * JSON definition kinds: `GET /schemas/{kind}` (the kind's JSON Schema, from its zod schema)
 * and `POST /definitions/{idOrKey}/copy {key}` (a new definition, same content, new key).
 */
import { Router } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { copyDefinition } from '../json-definitions';
import { jsonKinds } from '../json-kinds';
import { HttpProblem, jsonBody, parseOr400 } from '../problem';

export const copyDefinitionSchema = z
  .object({
    key: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9_.-]+$/),
  })
  .strict();

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

export function copyRouter(deps: ApiDeps): Router {
  const router = Router();
  router.post('/definitions/:idOrKey/copy', async (req, res) => {
    const { key } = parseOr400(copyDefinitionSchema, jsonBody(req), 'body');
    const def = await deps.registry.definitions.getDefinition(req.params.idOrKey);
    if (!def)
      throw new HttpProblem(404, `definition '${req.params.idOrKey}' not found`, {
        type: 'definition-not-found',
      });
    const out = await copyDefinition(deps, def, key);
    res
      .status(201)
      .location(`${deps.config.publicUrl}/definitions/${out.definition.id}`)
      .json({
        id: out.definition.id,
        key: out.definition.key,
        kind: out.definition.kind,
        name: out.definition.name,
        version: out.version.version,
        status: out.version.status,
        enabled: out.definition.enabled,
        contentHash: out.version.contentHash,
        copiedFrom: { id: def.id, key: def.key },
      });
  });
  return router;
}
