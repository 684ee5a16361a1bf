/**
 * zod schemas for every request body and query the API accepts. The same schemas feed
 * validation (400 with every bad field) and the OpenAPI document (`z.toJSONSchema`).
 */
import { z } from 'zod';

/** Media types accepted for BPMN XML uploads. */
export const xmlTypes = [
  'application/xml',
  'text/xml',
  'application/bpmn+xml',
  'application/dmn+xml',
];

export const variablesSchema = z
  .record(z.string(), z.unknown())
  .describe('Process variables (a JSON object)');

export const deployQuerySchema = z.object({
  deploy: z.enum(['true', 'false']).optional().describe('Deploy the new version at once'),
});

export const jsonDefinitionSchema = z
  .object({ kind: z.enum(['bpmn', 'state-machine', 'integration', 'form']) })
  .loose()
  .describe('A JSON definition (state machine or integration workflow)');

export const patchDefinitionSchema = z.object({ enabled: z.boolean() }).strict();

export const versionParamSchema = z.coerce.number().int().positive();

export const exportQuerySchema = z.object({
  version: z
    .string()
    .regex(/^\d+$/)
    .optional()
    .describe('Version to export (default: latest deployed, else latest)'),
});

export const versionQuerySchema = z.object({
  format: z
    .enum(['source', 'ir'])
    .optional()
    .describe('`ir`: JSON with the compiled IR instead of the source'),
});

/** Business keys become part of workflow ids and feiIds: no `/`, no whitespace. */
export const businessKeySchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\s]+$/, 'must not contain "/" or whitespace');

export const startInstanceSchema = z
  .object({
    variables: variablesSchema.optional(),
    businessKey: businessKeySchema.optional(),
    version: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('A deployed version; default: the latest deployed'),
  })
  .strict();

export const instanceStatuses = [
  'RUNNING',
  'COMPLETED',
  'FAILED',
  'TERMINATED',
  'CANCELED',
  'TIMED_OUT',
  'CONTINUED_AS_NEW',
] as const;

export const listInstancesQuerySchema = z.object({
  definition: z.string().min(1).optional().describe('Definition id or key'),
  status: z.enum(instanceStatuses).optional(),
  businessKey: z.string().min(1).optional(),
  state: z.string().min(1).optional().describe('State machines: the current state (WaymarkState)'),
  pageSize: z.coerce.number().int().min(1).max(1000).optional(),
  nextPageToken: z.string().min(1).optional(),
});

export const messageSchema = z
  .object({
    name: z.string().min(1),
    messageId: z.string().min(1).optional(),
    correlationKey: z.string().min(1).optional(),
    variables: variablesSchema.optional(),
    timeToLive: z
      .number()
      .int()
      .min(0)
      .max(365 * 24 * 3600 * 1000)
      .optional()
      .describe(
        'How long (ms) the message stays buffered when nothing waits for it yet; 0 = only delivered to a waiting subscription. Default WAYMARK_MESSAGE_TTL_MS (1 hour)',
      ),
  })
  .strict();

export const updateVariablesSchema = z
  .object({
    variables: variablesSchema.refine((v) => Object.keys(v).length > 0, {
      message: 'must name at least one variable',
    }),
  })
  .strict()
  .describe('Root-scope variables to create or overwrite (a non-empty JSON object)');

export const completeUserTaskSchema = z
  .object({
    variables: variablesSchema.optional(),
    user: z
      .string()
      .min(1)
      .optional()
      .describe('The user completing the task: 409 when it is assigned to someone else'),
  })
  .strict();

export const listUserTasksQuerySchema = z.object({
  definition: z.string().min(1).optional().describe('Definition id or key'),
  instance: z.string().min(1).optional().describe('Instance id (workflow id)'),
  assignee: z.string().min(1).optional(),
  candidateGroup: z.string().min(1).optional(),
  state: z
    .enum(['CREATED'])
    .optional()
    .describe('Only open tasks are listed (CREATED); completed ones are in the instance trail'),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only tasks whose due date has passed; false: only the others'),
  sort: z.enum(['createdAt', 'dueDate', 'followUpDate', 'priority']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  pageSize: z.coerce.number().int().min(1).max(1000).optional(),
  nextPageToken: z.string().regex(/^\d+$/).optional(),
});
