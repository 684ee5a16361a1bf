/**
 * The API description (open, no auth): /openapi.json and Swagger UI at /docs.
 */
import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import type { ApiDeps } from '../deps';
import { openapiDocument } from '../openapi-document';

export function openapiRouter(deps: ApiDeps): Router {
  const router = Router();
  const document = openapiDocument(deps.config.publicUrl);
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use('/docs', swaggerUi.serve, swaggerUi.setup(document));
  return router;
}
