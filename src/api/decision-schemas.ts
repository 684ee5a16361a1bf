/**
 * Request schemas of the decisions API (routes/decisions.ts), shared with its OpenAPI paths.
 */
import { z } from 'zod';
import { variablesSchema } from './schemas';

export const evaluateDecisionSchema = z
  .object({
    variables: variablesSchema.optional(),
    version: z.number().int().positive().optional().describe('A version number (any status)'),
    versionTag: z
      .string()
      .min(1)
      .optional()
      .describe('The latest deployed version with this zeebe:versionTag'),
  })
  .strict();
