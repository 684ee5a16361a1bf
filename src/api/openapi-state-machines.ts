/**
 * OpenAPI paths for state machines and JSON definitions (events, MANUAL transitions, copy,
 * JSON Schemas), from the same zod schemas that validate the requests. Merged into the
 * document by `openapi-document.ts`.
 */
import { z } from 'zod';
import { copyDefinitionSchema } from './routes/json-definitions';
import { fireTransitionSchema, stateMachineEventSchema } from './routes/state-machines';

type Json = Record<string, unknown>;

const schema = (s: z.ZodType): Json =>
  z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Json;
const body = (s: z.ZodType, required = true) => ({
  required,
  content: { 'application/json': { schema: schema(s) } },
});
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const param = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description,
});

export function stateMachinePaths(): Json {
  return {
    '/state-machines/{code}/events': {
      parameters: [param('code', 'State-machine code (definition key)')],
      post: {
        summary: 'Send a trigger to the instance for a record (PER_RECORD) or run (PER_RUN)',
        description:
          'Routed to the instance `<code>:<recordId|runId>`, created by the first event (signal-with-start).',
        requestBody: body(stateMachineEventSchema),
        responses: {
          '202': { description: 'Accepted: `{instanceId, workflowId, runId, trigger}`' },
          '400': problem('Invalid event (e.g. recordId missing for PER_RECORD)'),
          '404': problem('No such state machine'),
          '409': problem('Disabled, or the instance for this record has finished'),
        },
      },
    },
    '/instances/{id}/transitions/{code}': {
      parameters: [param('id', 'Instance id'), param('code', 'MANUAL transition code')],
      post: {
        summary: 'Fire a MANUAL transition (a Temporal Update)',
        requestBody: body(fireTransitionSchema, false),
        responses: {
          '200': { description: '`{instanceId, transition, previousState, state}`' },
          '404': problem('Unknown instance or transition'),
          '409': problem(
            'Did not fire: not allowed from the current state, disabled, conditions false, action failed',
          ),
        },
      },
    },
    '/definitions/{idOrKey}/copy': {
      parameters: [param('idOrKey', 'Definition id or key')],
      post: {
        summary: 'Copy a JSON definition under a new key',
        requestBody: body(copyDefinitionSchema),
        responses: {
          '201': { description: 'The new definition' },
          '409': problem('The key exists already'),
        },
      },
    },
    '/schemas/{kind}': {
      parameters: [param('kind', 'A JSON definition kind, e.g. state-machine')],
      get: {
        summary: 'JSON Schema of a JSON definition kind',
        security: [],
        responses: { '200': { description: 'JSON Schema' }, '404': problem('Unknown kind') },
      },
    },
  };
}
