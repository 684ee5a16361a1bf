/**
 * OpenAPI paths of definitions (routes/definitions.ts, routes/definition-copy.ts,
 * routes/kind-schemas.ts): upload, list, read, versions, deploy, enable/disable, export, delete,
 * copy, and the JSON Schemas of the JSON definition kinds.
 */
import { copyDefinitionSchema } from '../routes/definition-copy';
import {
  deployQuerySchema,
  exportQuerySchema,
  jsonDefinitionSchema,
  patchDefinitionSchema,
  versionQuerySchema,
} from '../schemas';
import type { Json } from './common';
import {
  bodyErrors,
  errors,
  jsonBody,
  ok,
  open,
  pathParam,
  problemResponse,
  queryParams,
  schema,
} from './common';

const idOrKey = pathParam('idOrKey', 'Definition id (uuid) or key (BPMN process id / JSON key)');
const version = pathParam('v', 'Version number (a positive integer; else 400)');

/** A stored definition as the routes return it (`created()` in routes/definitions.ts). */
const definitionVersion: Json = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    key: { type: 'string' },
    kind: { type: 'string', enum: ['bpmn', 'state-machine', 'integration'] },
    name: { type: ['string', 'null'] },
    version: { type: 'integer' },
    status: { type: 'string', enum: ['draft', 'deployed'] },
    enabled: { type: 'boolean' },
    contentHash: { type: 'string' },
  },
};

/**
 * The upload answer: the first (for JSON, the only) definition's fields, and `definitions`,
 * one entry per executable process of a BPMN file (bpmn-upload.ts).
 */
const uploaded: Json = {
  type: 'object',
  properties: {
    ...(definitionVersion.properties as Record<string, Json>),
    created: { type: 'boolean' },
    definitions: {
      type: 'array',
      description: 'BPMN: every executable process of the file, in document order',
      items: {
        type: 'object',
        properties: {
          ...(definitionVersion.properties as Record<string, Json>),
          created: { type: 'boolean' },
        },
      },
    },
    warnings: { type: 'array', items: { type: 'object' } },
  },
};

/** Deploy, enable/disable and delete keep timer start schedules in step, all or nothing. */
const scheduleFailed = problemResponse(
  "Temporal refused a timer start event's schedule: nothing was changed (`schedule-failed`)",
);

const source = (description: string) => ({
  description,
  content: {
    'application/xml': { schema: { type: 'string' } },
    'application/json': { schema: { type: 'object' } },
  },
});

export function definitionPaths(): Json {
  return {
    '/definitions': {
      post: {
        summary:
          'Create a version (BPMN XML, DMN XML — one `dmn` definition per decision — or a JSON definition); ?deploy=true deploys it at once',
        parameters: queryParams(deployQuerySchema),
        requestBody: {
          required: true,
          content: {
            'application/xml': { schema: { type: 'string' } },
            'text/xml': { schema: { type: 'string' } },
            'application/bpmn+xml': { schema: { type: 'string' } },
            'application/json': { schema: schema(jsonDefinitionSchema) },
          },
        },
        responses: {
          '201': ok(
            'Created: `{…, created: true, definitions, warnings}`; a BPMN file creates a version of each executable process (all or none)',
            uploaded,
          ),
          '200': ok('Unchanged: same content as the latest version', uploaded),
          '400': errors['400'],
          '401': errors['401'],
          '409': problemResponse('Key taken by another kind'),
          ...bodyErrors,
          '422': problemResponse(
            'Invalid model: every problem, with element ids; or a kind not supported',
          ),
          '503': scheduleFailed,
        },
      },
      get: {
        summary: 'List definitions with running-instance counts (`activeInstances`)',
        responses: { '200': ok('`{items}`'), '401': errors['401'] },
      },
    },
    '/definitions/{idOrKey}': {
      parameters: [idOrKey],
      get: {
        summary: 'One definition with its versions',
        responses: { '200': ok('Definition'), '401': errors['401'], '404': errors['404'] },
      },
      patch: {
        summary:
          'Enable or disable (running state machines are notified; timer start schedules pause or resume)',
        requestBody: jsonBody(patchDefinitionSchema),
        responses: { '200': ok('Definition'), ...errors, ...bodyErrors, '503': scheduleFailed },
      },
      delete: {
        summary: 'Delete (refused while instances run)',
        responses: {
          '204': ok('Deleted'),
          '401': errors['401'],
          '404': errors['404'],
          '409': problemResponse('Running instances'),
          '503': problemResponse(
            'Temporal visibility did not answer: cannot tell; or a timer start schedule could not be deleted (`schedule-failed`)',
          ),
        },
      },
    },
    '/definitions/{idOrKey}/versions/{v}': {
      parameters: [idOrKey, version],
      get: {
        summary: 'The source of a version (?format=ir: JSON with the compiled IR)',
        parameters: queryParams(versionQuerySchema),
        responses: {
          '200': source('Source as stored (XML or JSON); header `Waymark-Version-Status`'),
          ...errors,
        },
      },
    },
    '/definitions/{idOrKey}/versions/{v}/deploy': {
      parameters: [idOrKey, version],
      post: {
        summary: 'Deploy a draft (timer start events become Temporal Schedules)',
        responses: {
          '200': ok('Deployed (`deployedAt`)', definitionVersion),
          ...errors,
          '503': scheduleFailed,
        },
      },
    },
    '/definitions/{idOrKey}/export': {
      parameters: [idOrKey],
      get: {
        summary: 'Download the definition (latest deployed version, else latest)',
        parameters: queryParams(exportQuerySchema),
        responses: {
          '200': source('The file (attachment); header `Waymark-Version`'),
          ...errors,
        },
      },
    },
    '/definitions/{idOrKey}/copy': {
      parameters: [idOrKey],
      post: {
        summary: 'Copy a JSON definition under a new key',
        requestBody: jsonBody(copyDefinitionSchema),
        responses: {
          '201': ok('The new definition (`copiedFrom`)', definitionVersion),
          ...errors,
          '409': problemResponse('The key exists already'),
          ...bodyErrors,
          '422': problemResponse('Copying this kind (BPMN) is not supported'),
        },
      },
    },
    '/schemas/{kind}': {
      parameters: [pathParam('kind', 'A JSON definition kind: `state-machine`, `integration`')],
      get: {
        summary: 'JSON Schema of a JSON definition kind',
        security: open,
        responses: {
          '200': ok('The JSON Schema', { type: 'object' }),
          '404': problemResponse('Unknown kind'),
        },
      },
    },
  };
}
