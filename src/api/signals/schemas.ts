/**
 * Request schema of `POST /signals/broadcast` (routes/signals.ts), shared with its OpenAPI path.
 */
import { z } from 'zod';
import { variablesSchema } from '../schemas';

export const broadcastSignalSchema = z
  .object({
    signalName: z.string().trim().min(1).max(256).describe('The `bpmn:Signal` name'),
    variables: variablesSchema
      .optional()
      .describe('Given to every catcher reached, and the start variables of signal starts'),
  })
  .strict();
