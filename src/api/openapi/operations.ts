/**
 * OpenAPI paths of operations (routes/health.ts, routes/openapi.ts, app.ts): health
 * checks, Prometheus metrics and this description. The Swagger UI at /docs is a set of
 * static assets, not an operation, and is left out.
 */
import type { Json } from './common';
import { errors, ok, open, problemResponse } from './common';

export function operationPaths(): Json {
  return {
    '/health/live': {
      get: { summary: 'Liveness', security: open, responses: { '200': ok('Alive') } },
    },
    '/health/ready': {
      get: {
        summary: 'Readiness (registry and Temporal, each within a deadline)',
        security: open,
        responses: {
          '200': ok('Ready: `{status, checks}`'),
          '503': problemResponse('Not ready: the failing checks'),
        },
      },
    },
    '/metrics': {
      get: {
        summary: 'Prometheus metrics',
        responses: {
          '200': {
            description: 'Metrics in the Prometheus text format',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
          '401': errors['401'],
        },
      },
    },
    '/openapi.json': {
      get: {
        summary: 'This description (OpenAPI 3.1); rendered at /docs',
        security: open,
        responses: { '200': ok('The OpenAPI document', { type: 'object' }) },
      },
    },
  };
}
