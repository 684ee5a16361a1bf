/**
 * OpenAPI paths of the runs API (routes/cases.ts, routes/parameters.ts, routes/runs.ts):
 * cases, parameter sets, runs for a case, run status (long poll) and run result.
 */
import { z } from 'zod';
import {
  createCaseSchema,
  createParametersSchema,
  runStatusQuerySchema,
  startRunSchema,
} from '../runs-schemas';
import type { Json } from './common';
import {
  bodyErrors,
  errors,
  idempotencyKey,
  jsonBody,
  ok,
  pathParam,
  problemResponse,
  queryParams,
  schema,
} from './common';

const caseId = pathParam('caseId', 'Case id');
const runId = pathParam('runId', 'Run id (= instance id = Temporal workflow id)');
const runStatus = {
  type: 'string',
  enum: ['RUNNING', 'COMPLETED', 'FAILED', 'TERMINATED', 'CANCELED', 'TIMED_OUT'],
};

const storedCase = schema(
  createCaseSchema.extend({ caseId: z.string(), createdAt: z.iso.datetime() }),
);

const reusedCase = schema(
  createCaseSchema.extend({
    caseId: z.string(),
    createdAt: z.iso.datetime(),
    reused: z.literal(true),
    ignoredFields: z
      .array(z.string())
      .describe('Fields sent whose values differ from the stored case; they were not applied'),
  }),
);

const run: Json = {
  type: 'object',
  required: ['runId', 'status', 'startedAt'],
  properties: {
    runId: { type: 'string' },
    status: runStatus,
    startedAt: { type: 'string', format: 'date-time' },
    closedAt: { type: 'string', format: 'date-time' },
    workflowDefinitionId: { type: 'string' },
    caseId: { type: 'string' },
  },
};

export function runPaths(): Json {
  return {
    '/cases': {
      post: {
        summary:
          'Create a case, or find the returning user’s (same externalId, else personalNumber)',
        requestBody: jsonBody(createCaseSchema),
        responses: {
          '201': ok('Created (`Location`: the case)', storedCase),
          '200': ok('The existing case of a returning user, unchanged', reusedCase),
          '400': errors['400'],
          '401': errors['401'],
          ...bodyErrors,
        },
      },
    },
    '/cases/{caseId}': {
      parameters: [caseId],
      get: {
        summary: 'A case',
        responses: { '200': ok('Case', storedCase), '401': errors['401'], '404': errors['404'] },
      },
    },
    '/cases/{caseId}/runs': {
      parameters: [caseId],
      get: {
        summary: 'The runs of a case (Temporal visibility: eventually consistent)',
        responses: {
          '200': ok('`{caseId, items}`', {
            type: 'object',
            properties: { caseId: { type: 'string' }, items: { type: 'array', items: run } },
          }),
          '401': errors['401'],
          '404': errors['404'],
        },
      },
    },
    '/parameters': {
      post: {
        summary: 'Store a parameter set, checked against the parameters the definition declares',
        requestBody: jsonBody(createParametersSchema),
        responses: {
          '201': ok('`{parametersId, workflowDefinitionId, parameters, createdAt}`'),
          '400': problemResponse('Invalid body, or parameters that do not fit the definition'),
          '401': errors['401'],
          '404': problemResponse('Unknown definition'),
          ...bodyErrors,
        },
      },
    },
    '/workflows/run': {
      parameters: [idempotencyKey],
      post: {
        summary: 'Run a definition for a case (start variables `case` and `parameters`)',
        requestBody: jsonBody(startRunSchema),
        responses: {
          '201': ok('Started (`Location`: the run)', {
            type: 'object',
            properties: {
              runId: { type: 'string' },
              status: { const: 'RUNNING' },
              workflowId: { type: 'string' },
              instanceId: { type: 'string' },
              workflowDefinitionId: { type: 'string' },
              caseId: { type: 'string' },
              links: { type: 'object' },
            },
          }),
          '400': problemResponse(
            'Invalid body, a parameter set of another definition, parameters that do not fit, missing mandatory fields',
          ),
          '401': errors['401'],
          '404': problemResponse('Unknown definition, case or parameter set'),
          '409': problemResponse('Disabled, or no deployed version'),
          ...bodyErrors,
          '422': problemResponse('Starting this kind is not supported'),
        },
      },
    },
    '/workflows/runs/{runId}': {
      parameters: [runId],
      get: {
        summary: 'Status of a run; ?wait=N long-polls up to N seconds until it closes',
        parameters: queryParams(runStatusQuerySchema),
        responses: { '200': ok('Run', run), ...errors },
      },
    },
    '/workflows/runs/{runId}/result': {
      parameters: [runId],
      get: {
        summary: 'The outcome of a closed run: `result`, or `error` when it did not complete',
        responses: {
          '200': ok('Outcome', {
            type: 'object',
            properties: {
              runId: { type: 'string' },
              status: runStatus,
              closedAt: { type: 'string', format: 'date-time' },
              result: {},
              error: { type: 'string' },
            },
          }),
          '401': errors['401'],
          '404': errors['404'],
          '409': problemResponse('Still running'),
        },
      },
    },
  };
}
