/**
 * zod schemas of the runs API (cases, parameter sets, runs, webhook subscriptions,
 * environments, webhook starts). Bodies are parsed with `parseOr400`, which names every bad
 * and every unknown field on its own (`body.nickname: unknown field`).
 */
import { z } from 'zod';
import { webhookEvents } from '../registry';

const text = (max: number) => z.string().trim().min(1).max(max);

export const createCaseSchema = z
  .object({
    firstName: text(100).optional(),
    lastName: text(100).optional(),
    personalNumber: text(32)
      .regex(/^[0-9A-Za-z+\-. ]+$/, 'letters, digits, spaces and + - . only')
      .optional(),
    companyName: text(200).optional(),
    companyNumber: text(64).optional(),
    companyAddress: text(500).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()\-./]{3,32}$/, 'a phone number: digits, spaces, ( ) - . / and a leading +')
      .optional(),
    email: z.email().max(254).optional(),
    externalId: text(200).optional(),
  })
  .strict()
  .describe('One end user; every field optional');

/** Ids are uuids; anything else can never match. */
const idSchema = z.string().min(1).max(200);

export const createParametersSchema = z
  .object({
    workflowDefinitionId: idSchema.describe('Definition id (uuid) or key'),
    parameters: z.record(z.string().min(1).max(200), z.unknown()),
  })
  .strict();

export const startRunSchema = z
  .object({
    workflowDefinitionId: idSchema.describe('Definition id (uuid) or key'),
    caseId: idSchema,
    parametersId: idSchema.optional(),
  })
  .strict();

export const runStatusQuerySchema = z.object({
  wait: z.coerce
    .number()
    .int()
    .min(0)
    .max(60)
    .optional()
    .describe('Seconds to wait for the run to close (long poll, at most 60)'),
});

export const createWebhookSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(2000),
    events: z.array(z.enum(webhookEvents)).min(1).max(webhookEvents.length),
  })
  .strict();

export const createEnvironmentSchema = z
  .object({
    name: text(200),
    definitions: z
      .array(idSchema)
      .max(1000)
      .optional()
      .describe('Definition ids this environment may start; absent = all'),
  })
  .strict();

export const webhookSendQuerySchema = z.object({ uid: z.string().min(1).max(200) }).strict();
