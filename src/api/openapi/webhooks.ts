/**
 * OpenAPI paths of webhooks both ways (routes/webhooks.ts, routes/environments.ts,
 * routes/webhook-start.ts): outgoing subscriptions, the environments whose tokens authorize
 * incoming webhook starts, and the webhook start itself.
 */
import {
  createEnvironmentSchema,
  createWebhookSchema,
  webhookSendQuerySchema,
} from '../runs-schemas';
import type { Json } from './common';
import {
  bodyErrors,
  environmentToken,
  errors,
  idempotencyKey,
  jsonBody,
  ok,
  pathParam,
  problemResponse,
  queryParams,
} from './common';

const created = { type: 'string', format: 'date-time' };

export function webhookPaths(): Json {
  return {
    '/webhooks': {
      post: {
        summary: 'Subscribe to run events; deliveries are signed (`Waymark-Signature`)',
        requestBody: jsonBody(createWebhookSchema),
        responses: {
          '201': ok('The subscription with its signing `secret`, shown this once'),
          '400': errors['400'],
          '401': errors['401'],
          ...bodyErrors,
        },
      },
      get: {
        summary: 'List subscriptions (never the secret)',
        responses: { '200': ok('`{items}`'), '401': errors['401'] },
      },
    },
    '/webhooks/{id}': {
      parameters: [pathParam('id', 'Subscription id')],
      delete: {
        summary: 'Unsubscribe (deliveries still retrying stop)',
        responses: { '204': ok('Deleted'), '401': errors['401'], '404': errors['404'] },
      },
    },
    '/environments': {
      post: {
        summary: 'Create an environment: a token for webhook starts',
        requestBody: jsonBody(createEnvironmentSchema),
        responses: {
          '201': ok('The environment with its `token`, shown this once', {
            type: 'object',
            properties: {
              id: { type: 'string' },
              name: { type: 'string' },
              definitions: { type: 'array', items: { type: 'string' } },
              createdAt: created,
              token: { type: 'string' },
            },
          }),
          '400': errors['400'],
          '401': errors['401'],
          '404': problemResponse('Unknown definitions (each in `errors`)'),
          ...bodyErrors,
        },
      },
      get: {
        summary: 'List environments (never the token)',
        responses: { '200': ok('`{items}`'), '401': errors['401'] },
      },
    },
    '/environments/{id}': {
      parameters: [pathParam('id', 'Environment id')],
      delete: {
        summary: 'Delete an environment, revoking its token',
        responses: { '204': ok('Deleted'), '401': errors['401'], '404': errors['404'] },
      },
    },
    '/webhook/send': {
      post: {
        summary: 'Webhook start: start the latest deployed version of a definition',
        description:
          'Authorized by an environment token (`authorization: <token>`, or `Bearer <token>`), not the API key. Checks in order: token (401), definition (404), the environment may start it (403), disabled / draft only (409), mandatory fields (400 naming each). The payload fields become the start variables.',
        security: environmentToken,
        parameters: [...queryParams(webhookSendQuerySchema), idempotencyKey],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                description: '`{payload: {…}}` or the bare payload object',
                type: 'object',
                additionalProperties: true,
              },
            },
          },
        },
        responses: {
          '202': ok('Started', {
            type: 'object',
            properties: {
              instanceId: { type: 'string' },
              workflowId: { type: 'string' },
              runId: { type: 'string' },
            },
          }),
          '400': problemResponse(
            'Not a JSON object, missing `uid`, missing mandatory fields, Idempotency-Key too long',
          ),
          '401': problemResponse('Missing or invalid environment token'),
          '403': problemResponse('The environment may not start this definition'),
          '404': problemResponse('Unknown definition'),
          '409': problemResponse('Disabled, or only draft versions'),
          ...bodyErrors,
          '422': problemResponse('Starting this kind is not supported'),
        },
      },
    },
  };
}
