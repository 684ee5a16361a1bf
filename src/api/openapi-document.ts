/**
 * The OpenAPI 3.1 description of the API, served at /openapi.json and rendered at /docs.
 * Assembled from one file of paths per router area (`openapi/*.ts`); request schemas come
 * from the same zod schemas that validate requests, response shapes are hand-written.
 * test/api/openapi-document.test.ts checks that every route of the app is in it.
 */
import { callbackPaths } from './openapi/callbacks';
import type { Json } from './openapi/common';
import { problemSchema } from './openapi/common';
import { decisionPaths } from './openapi/decisions';
import { messagePaths } from './openapi/messages';
import { definitionPaths } from './openapi/definitions';
import { heatmapPaths } from './openapi/heatmap';
import { instancePaths } from './openapi/instances';
import { operationPaths } from './openapi/operations';
import { runPaths } from './openapi/runs';
import { signalPaths } from './openapi/signals';
import { codecPaths } from './openapi/codec';
import { stateMachinePaths } from './openapi/state-machines';
import { webhookPaths } from './openapi/webhooks';

/** Merges path maps; a path in two areas is a mistake, not an override. */
function mergePaths(...areas: Json[]): Json {
  const paths: Json = {};
  for (const area of areas) {
    for (const [path, item] of Object.entries(area)) {
      if (path in paths) throw new Error(`OpenAPI path ${path} is described twice`);
      paths[path] = item;
    }
  }
  return paths;
}

/** Builds the document; `serverUrl` is the public base URL. */
export function openapiDocument(serverUrl: string): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Waymark API',
      version: '0.1.0',
      description:
        'BPMN processes, state machines and integration workflows on Temporal. Errors are RFC 9457 `application/problem+json`.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key from WAYMARK_API_KEYS (none configured: open, loopback only)',
        },
        environmentToken: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'Webhook starts: an environment token, bare or as `Bearer <token>`',
        },
      },
      schemas: { Problem: problemSchema },
    },
    security: [{ bearer: [] }],
    paths: mergePaths(
      definitionPaths(),
      heatmapPaths(),
      instancePaths(),
      stateMachinePaths(),
      runPaths(),
      webhookPaths(),
      callbackPaths(),
      decisionPaths(),
      signalPaths(),
      messagePaths(),
      operationPaths(),
      codecPaths(),
    ),
  };
}
