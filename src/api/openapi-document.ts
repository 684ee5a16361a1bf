/**
 * The OpenAPI 3.1 description of the API, generated from the same zod schemas that
 * validate requests (`z.toJSONSchema`), plus hand-written response shapes. Served at
 * /openapi.json and rendered at /docs.
 */
import { z } from 'zod';
import { callbackErrorSchema, callbackSuccessSchema } from './routes/callbacks';
import {
  completeUserTaskSchema,
  jsonDefinitionSchema,
  listInstancesQuerySchema,
  listUserTasksQuerySchema,
  messageSchema,
  patchDefinitionSchema,
  startInstanceSchema,
} from './schemas';
import { stateMachinePaths } from './openapi-state-machines';

type Json = Record<string, unknown>;

const schema = (s: z.ZodType): Json =>
  z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Json;

const problem = { $ref: '#/components/schemas/Problem' };
const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problem } },
});
const ok = (description: string, body?: Json) => ({
  description,
  ...(body ? { content: { 'application/json': { schema: body } } } : {}),
});
const jsonBody = (s: z.ZodType, required = true) => ({
  required,
  content: { 'application/json': { schema: schema(s) } },
});
const pathParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description,
});
const queryParams = (s: z.ZodObject) =>
  Object.entries(s.shape).map(([name, field]) => ({
    name,
    in: 'query',
    required: false,
    schema: schema(field as z.ZodType),
  }));

const idOrKey = pathParam('idOrKey', 'Definition id (uuid) or key (BPMN process id)');
const instanceId = pathParam('id', 'Instance id (= Temporal workflow id)');
const errors = {
  '400': problemResponse('Invalid request'),
  '401': problemResponse('Missing or invalid API key'),
  '404': problemResponse('Not found'),
};

const callbackResponses = {
  '200': ok('Applied, or an identical repeat (`duplicate: true`)'),
  '400': problemResponse('Invalid request'),
  '401': problemResponse('Bad or missing signature'),
  '404': problemResponse('Unknown flowElementInstanceId'),
  '409': problemResponse('A different outcome was already received, or no longer waiting'),
};

/** Builds the document; `serverUrl` is the public base URL. */
export function openapiDocument(serverUrl: string): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'Waymark API', version: '0.1.0', description: 'BPMN processes on Temporal' },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  path: { type: 'string' },
                  elementId: { type: 'string' },
                  rule: { type: 'string' },
                  message: { type: 'string' },
                  line: { type: 'integer' },
                  column: { type: 'integer' },
                },
              },
            },
          },
        },
      },
    },
    security: [{ bearer: [] }],
    paths: {
      '/schemas/{kind}': {
        get: {
          summary: 'JSON Schema of a JSON definition kind (e.g. integration)',
          security: [],
          parameters: [pathParam('kind', 'Definition kind, e.g. `integration`')],
          responses: {
            '200': ok('The JSON Schema', { type: 'object' }),
            '404': problemResponse('No schema for that kind'),
          },
        },
      },
      '/definitions': {
        post: {
          summary: 'Create a version (BPMN XML); ?deploy=true deploys it at once',
          parameters: [
            { name: 'deploy', in: 'query', schema: { type: 'string', enum: ['true', 'false'] } },
          ],
          requestBody: {
            required: true,
            content: {
              'application/xml': { schema: { type: 'string' } },
              'text/xml': { schema: { type: 'string' } },
              'application/json': { schema: schema(jsonDefinitionSchema) },
            },
          },
          responses: {
            '201': ok('Created'),
            '200': ok('Unchanged: same content as the latest version'),
            ...errors,
            '409': problemResponse('Key taken by another kind'),
            '413': problemResponse('Body over the limit'),
            '415': problemResponse('Unsupported media type'),
            '422': problemResponse('Invalid model: every problem, with element ids'),
          },
        },
        get: {
          summary: 'List definitions with running-instance counts',
          responses: { '200': ok('Definitions') },
        },
      },
      '/definitions/{idOrKey}': {
        parameters: [idOrKey],
        get: {
          summary: 'One definition with its versions',
          responses: { '200': ok('Definition'), ...errors },
        },
        patch: {
          summary: 'Enable or disable',
          requestBody: jsonBody(patchDefinitionSchema),
          responses: { '200': ok('Definition'), ...errors },
        },
        delete: {
          summary: 'Delete (refused while instances run)',
          responses: {
            '204': ok('Deleted'),
            ...errors,
            '409': problemResponse('Running instances'),
          },
        },
      },
      '/definitions/{idOrKey}/versions/{v}': {
        parameters: [idOrKey, pathParam('v', 'Version number')],
        get: {
          summary: 'The source of a version (?format=ir: JSON with the compiled IR)',
          responses: { '200': ok('Source as stored (XML or JSON)'), ...errors },
        },
      },
      '/definitions/{idOrKey}/versions/{v}/deploy': {
        parameters: [idOrKey, pathParam('v', 'Version number')],
        post: { summary: 'Deploy a draft', responses: { '200': ok('Deployed'), ...errors } },
      },
      '/definitions/{idOrKey}/export': {
        parameters: [idOrKey],
        get: {
          summary: 'Download the definition (latest deployed version)',
          responses: { '200': ok('File'), ...errors },
        },
      },
      '/definitions/{idOrKey}/instances': {
        parameters: [
          idOrKey,
          { name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } },
        ],
        post: {
          summary: 'Start an instance',
          requestBody: jsonBody(startInstanceSchema, false),
          responses: {
            '201': ok('Started'),
            ...errors,
            '409': problemResponse('Disabled, draft, or business key already running'),
          },
        },
      },
      '/instances': {
        get: {
          summary: 'List instances (visibility)',
          parameters: queryParams(listInstancesQuerySchema),
          responses: { '200': ok('A page of instances') },
        },
      },
      '/instances/{id}': {
        parameters: [instanceId],
        get: {
          summary: 'Status, variables, active elements, incidents, trail',
          responses: { '200': ok('Instance'), ...errors },
        },
      },
      '/instances/{id}/cancel': {
        parameters: [instanceId],
        post: {
          summary: 'Cancel',
          responses: {
            '202': ok('Cancel requested'),
            ...errors,
            '409': problemResponse('Not running'),
          },
        },
      },
      '/instances/{id}/messages': {
        parameters: [instanceId],
        post: {
          summary: 'Deliver a message',
          requestBody: jsonBody(messageSchema),
          responses: { '202': ok('Accepted'), ...errors, '409': problemResponse('Not running') },
        },
      },
      '/instances/{id}/incidents/{incidentId}/retry': {
        parameters: [instanceId, pathParam('incidentId', 'Incident id')],
        post: {
          summary: 'Retry the element of an incident',
          responses: { '200': ok('Retried'), ...errors },
        },
      },
      '/user-tasks': {
        get: {
          summary: 'Open user tasks across running instances',
          parameters: queryParams(listUserTasksQuerySchema),
          responses: { '200': ok('User tasks') },
        },
      },
      '/user-tasks/{flowElementInstanceId}/complete': {
        parameters: [pathParam('flowElementInstanceId', '<workflowId>/<elementId>/<n>')],
        post: {
          summary: 'Complete a user task',
          requestBody: jsonBody(completeUserTaskSchema, false),
          responses: {
            '200': ok('Completed'),
            ...errors,
            '409': problemResponse('Already completed'),
          },
        },
      },
      '/callbacks/{token}/success': {
        parameters: [pathParam('token', 'Signed token from responsePath')],
        post: {
          summary: 'Callback of a custom activity: success (data merged, the process goes on)',
          security: [],
          requestBody: jsonBody(callbackSuccessSchema, false),
          responses: callbackResponses,
        },
      },
      '/callbacks/{token}/error': {
        parameters: [pathParam('token', 'Signed token from errorResponsePath')],
        post: {
          summary: 'Callback of a custom activity: error (incident, or the error boundary)',
          security: [],
          requestBody: jsonBody(callbackErrorSchema),
          responses: callbackResponses,
        },
      },
      '/health/live': {
        get: { summary: 'Liveness', security: [], responses: { '200': ok('Alive') } },
      },
      '/health/ready': {
        get: {
          summary: 'Readiness (registry and Temporal)',
          security: [],
          responses: { '200': ok('Ready'), '503': problemResponse('Not ready') },
        },
      },
      '/metrics': {
        get: { summary: 'Prometheus metrics', responses: { '200': ok('text/plain metrics') } },
      },
      ...stateMachinePaths(),
    },
  };
}
