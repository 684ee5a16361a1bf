/**
 * The JSON source format of an integration workflow (`kind: 'integration'`): declared, typed
 * inputs, a list of nodes (`http`, `transform`, `switch`, `ai`) linked by `next`, and an output
 * mapping. The zod schema here validates the shape; `compile.ts` checks what a schema cannot
 * (unique ids, references, FEEL syntax) and produces the IR. Its JSON Schema is served at
 * `GET /schemas/integration`.
 *
 * Expressions: a string starting with `=` is FEEL (Camunda 8 style); any other string is a
 * template whose `${expr}` placeholders are FEEL (`processInstanceData` aliases the variables).
 * Mappings (`set`, `result`, `output`) are objects of target name → FEEL expression.
 */
import { z } from 'zod';

const nodeId = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_-]*$/,
    'must start with a letter or _ and use letters, digits, _ or -',
  )
  .max(100);

const feelMapping = z
  .record(z.string().min(1), z.string().min(1))
  .describe('Target variable → FEEL expression (a leading `=` is optional)');

const next = nodeId.optional().describe('The node that runs next; absent = the workflow ends');

const retries = z.number().int().min(1).max(20).optional().describe('Total attempts (default 3)');

const nodeBase = {
  id: nodeId.describe('Unique node id (shown in the trail)'),
  name: z.string().optional(),
};

export const httpNodeSchema = z
  .object({
    ...nodeBase,
    type: z.literal('http'),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']).default('GET'),
    url: z.string().min(1).describe('Absolute http(s) URL: template with `${…}` or `=FEEL`'),
    headers: z.record(z.string(), z.string()).optional().describe('Header templates'),
    query: z.record(z.string(), z.string()).optional().describe('Query parameter templates'),
    body: z
      .unknown()
      .optional()
      .describe('JSON body; every string in it is a template (or `=FEEL`, keeping the type)'),
    timeoutMs: z.number().int().positive().max(300_000).optional(),
    retries,
    result: feelMapping
      .optional()
      .describe('Variables from the response: FEEL over `response` ({status, headers, body})'),
    resultVariable: z.string().min(1).optional().describe('Store the whole response here'),
    next,
  })
  .strict();

export const transformNodeSchema = z
  .object({
    ...nodeBase,
    type: z.literal('transform'),
    set: feelMapping.describe('New variables: target → FEEL expression'),
    next,
  })
  .strict();

export const switchNodeSchema = z
  .object({
    ...nodeBase,
    type: z.literal('switch'),
    cases: z
      .array(
        z.object({ when: z.string().min(1).describe('FEEL condition'), next: nodeId }).strict(),
      )
      .min(1),
    default: nodeId.optional().describe('Taken when no case holds; absent = the workflow ends'),
  })
  .strict();

export const aiNodeSchema = z
  .object({
    ...nodeBase,
    type: z.literal('ai'),
    model: z.string().min(1).optional().describe('Model name; default WAYMARK_AI_MODEL'),
    system: z.string().optional().describe('System message template'),
    prompt: z.string().min(1).describe('User message template'),
    schema: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('JSON Schema the answer must satisfy; the answer is parsed as JSON'),
    temperature: z.number().min(0).max(2).optional(),
    timeoutMs: z.number().int().positive().max(600_000).optional(),
    retries,
    resultVariable: z.string().min(1).describe('Variable receiving the (parsed) answer'),
    next,
  })
  .strict();

export const integrationNodeSchema = z.discriminatedUnion('type', [
  httpNodeSchema,
  transformNodeSchema,
  switchNodeSchema,
  aiNodeSchema,
]);

export const inputTypes = [
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'any',
] as const;

export const inputDeclSchema = z
  .object({
    type: z.enum(inputTypes).default('any'),
    required: z.boolean().default(true),
    description: z.string().optional(),
  })
  .strict();

export const integrationDefinitionSchema = z
  .object({
    kind: z.literal('integration'),
    key: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'must start with a letter or _ (letters, digits, _ . -)')
      .max(200)
      .describe('Definition key = Temporal workflow type'),
    name: z.string().optional(),
    description: z.string().optional(),
    inputs: z.record(z.string().min(1), inputDeclSchema).default({}),
    start: nodeId.optional().describe('First node; default the first in `nodes`'),
    nodes: z.array(integrationNodeSchema).min(1),
    output: feelMapping.default({}).describe('The result: name → FEEL over the final variables'),
  })
  .strict()
  .describe('An integration workflow (Waymark JSON definition)');

export type IntegrationDefinition = z.infer<typeof integrationDefinitionSchema>;
export type IntegrationNode = z.infer<typeof integrationNodeSchema>;
export type InputDecl = z.infer<typeof inputDeclSchema>;

/** The JSON Schema served at GET /schemas/integration. */
export function integrationJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(integrationDefinitionSchema, { io: 'input', unrepresentable: 'any' });
}
