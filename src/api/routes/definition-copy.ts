/**
 * `POST /definitions/{idOrKey}/copy {key}`: a new definition with the same content under
 * another key (JSON kinds; `copyDefinition` in json-definitions.ts does the work), deployed
 * when the copied version was.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { copyDefinition } from '../json-definitions';
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
