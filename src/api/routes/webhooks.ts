/**
 * Webhook subscriptions: `POST /webhooks {url, events}` → 201 with the signing secret, shown
 * this once; `GET /webhooks` lists them (never the secret); `DELETE /webhooks/{id}` ends a
 * subscription (deliveries still retrying for it stop). Instances started while a
 * subscription exists notify it (workflows/notify.ts).
 */
import { Router } from 'express';
import type { ApiDeps } from '../deps';
import { HttpProblem, jsonBody, parseOr400 } from '../problem';
import { createWebhookSchema } from '../runs-schemas';

export function webhooksRouter(deps: ApiDeps): Router {
  const router = Router();

  router.post('/webhooks', async (req, res) => {
    const body = parseOr400(createWebhookSchema, jsonBody(req), 'body');
    const { subscription, secret } = await deps.registry.webhooks.create(body);
    res.status(201).json({
      ...subscription,
      secret,
      signature:
        'Waymark-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the secret>',
    });
  });

  router.get('/webhooks', async (_req, res) => {
    res.json({ items: await deps.registry.webhooks.list() });
  });

  router.delete('/webhooks/:id', async (req, res) => {
    if (!(await deps.registry.webhooks.delete(req.params.id)))
      throw new HttpProblem(404, `webhook subscription '${req.params.id}' not found`, {
        type: 'webhook-not-found',
      });
    res.status(204).end();
  });

  return router;
}
