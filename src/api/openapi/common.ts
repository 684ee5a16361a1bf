/**
 * Building blocks shared by the OpenAPI path files: request schemas converted from the zod
 * schemas that validate requests (`z.toJSONSchema`, so the document cannot drift from the
 * validation), problem+json responses, parameters and the security requirements.
 */
import { z } from 'zod';

export type Json = Record<string, unknown>;

/** A zod schema as JSON Schema, as the client sends it (`io: 'input'`). */
export const schema = (s: z.ZodType): Json =>
  z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Json;

export const problemResponse = (description: string) => ({
  description,
  content: {
    'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
  },
});

export const ok = (description: string, body?: Json) => ({
  description,
  ...(body ? { content: { 'application/json': { schema: body } } } : {}),
});

export const jsonBody = (s: z.ZodType, required = true) => ({
  required,
  content: { 'application/json': { schema: schema(s) } },
});

export const pathParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description,
});

/** One query parameter per field of a zod query schema, required unless it may be absent. */
export const queryParams = (s: z.ZodObject) =>
  Object.entries(s.shape).map(([name, field]) => {
    const { description, $schema: _s, ...fieldSchema } = schema(field as z.ZodType);
    return {
      name,
      in: 'query',
      required: !(field as z.ZodType).safeParse(undefined).success,
      schema: fieldSchema,
      ...(typeof description === 'string' ? { description } : {}),
    };
  });

export const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  schema: { type: 'string', maxLength: 255 },
  description: 'Retrying with the same key answers with the same instance (`Idempotent-Replayed`)',
};

/** No credential at all (health, the description, JSON Schemas). */
export const open: Json[] = [];
/** Webhook starts: an environment token instead of the API key. */
export const environmentToken: Json[] = [{ environmentToken: [] }];
/** Callbacks: the signed token in the URL is the credential. */
export const signedUrl: Json[] = [];

/** Errors of every route behind the API key. */
export const errors = {
  '400': problemResponse('Invalid request: every bad field in `errors`'),
  '401': problemResponse('Missing or invalid API key'),
  '404': problemResponse('Not found'),
};

/** Errors of every route that reads a JSON body (`express.json` and `jsonBody`). */
export const bodyErrors = {
  '413': problemResponse('Body over the limit (WAYMARK_BODY_LIMIT)'),
  '415': problemResponse('Not application/json'),
};

/** The error shape of every non-2xx answer (RFC 9457). */
export const problemSchema: Json = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', description: '`urn:waymark:problem:<slug>` or `about:blank`' },
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
          processId: { type: 'string' },
          rule: { type: 'string' },
          message: { type: 'string' },
          line: { type: 'integer' },
          column: { type: 'integer' },
        },
      },
    },
  },
};
