/**
 * Request bodies of `POST /messages/publication` and `POST /messages/correlation` (Camunda 8
 * REST v2 shapes). `timeToLive` is ms or an ISO 8601 duration (`PT1M`), at most
 * WAYMARK_MESSAGE_TTL_MAX_MS; it is read into ms by `timeToLiveMs`.
 */
import { z } from 'zod';
import { addDuration, parseDuration } from '../engine/timers';
import { variablesSchema } from './schemas';

const timeToLive = z
  .union([
    z.number().int().min(0),
    z.string().refine((s) => parseDuration(s) !== null, 'an ISO 8601 duration such as PT1M'),
  ])
  .describe(
    'How long the message stays buffered when nothing waits: ms or an ISO duration (default 0: not buffered)',
  );

export const publishMessageSchema = z
  .object({
    name: z.string().min(1),
    correlationKey: z.string().min(1).optional(),
    timeToLive: timeToLive.optional(),
    messageId: z.string().min(1).max(256).optional(),
    variables: variablesSchema.optional(),
    tenantId: z
      .string()
      .min(1)
      .optional()
      .describe('Accepted for Camunda compatibility; Waymark has one tenant'),
  })
  .strict();

export const correlateMessageSchema = z
  .object({
    name: z.string().min(1),
    correlationKey: z.string().min(1),
    variables: variablesSchema.optional(),
    tenantId: z.string().min(1).optional(),
  })
  .strict();

/** The time to live in ms (ISO durations from the epoch, so months count their real length). */
export function timeToLiveMs(ttl: number | string | undefined): number {
  if (ttl === undefined) return 0;
  if (typeof ttl === 'number') return ttl;
  return addDuration(0, parseDuration(ttl) as NonNullable<ReturnType<typeof parseDuration>>);
}
