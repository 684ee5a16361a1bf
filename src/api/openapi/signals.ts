/**
 * OpenAPI path of signal broadcasts (routes/signals.ts).
 */
import { broadcastSignalSchema } from '../signals/schemas';
import type { Json } from './common';
import { bodyErrors, errors, jsonBody, ok } from './common';

export function signalPaths(): Json {
  return {
    '/signals/broadcast': {
      post: {
        summary:
          'Broadcast a signal to every running instance waiting for it and start the definitions with a signal start event of that name',
        description:
          'Reaches every instance whose open signal subscription (intermediate catch, boundary, event subprocess start, event-based gateway target) is visible in Temporal visibility when the broadcast queries it, exactly once each; an instance that subscribes later does not get it. Starts one instance of the latest deployed version of every enabled definition with a process-level signal start event of that name, with `variables` as start variables.',
        requestBody: jsonBody(broadcastSignalSchema),
        responses: {
          '200': ok(
            '`{signalKey, reached, started}`: the broadcast id, how many running instances were signalled, how many were started',
          ),
          '400': errors['400'],
          '401': errors['401'],
          ...bodyErrors,
        },
      },
    },
  };
}
