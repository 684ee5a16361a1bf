/**
 * OpenAPI paths of messages across instances (routes/messages.ts): publication and correlation.
 */
import { correlateMessageSchema, publishMessageSchema } from '../message-schemas';
import type { Json } from './common';
import { bodyErrors, errors, jsonBody, ok, problemResponse } from './common';

export function messagePaths(): Json {
  return {
    '/messages/publication': {
      post: {
        summary:
          'Publish a message: every instance waiting for its name and correlation key gets it once, message start events start instances, and with a timeToLive it stays buffered for instances that subscribe later',
        requestBody: jsonBody(publishMessageSchema),
        responses: {
          '200': ok(
            '`{messageKey, tenantId, reached:[{instanceId, elementId}], started:[{instanceId, definitionKey, elementId}], buffered}`',
          ),
          '400': errors['400'],
          '401': errors['401'],
          '409': problemResponse(
            'A message with the same messageId is still buffered (`messageKey` names it)',
          ),
          ...bodyErrors,
        },
      },
    },
    '/messages/correlation': {
      post: {
        summary:
          'Correlate a message to the first instance waiting for its name and correlation key (never buffered)',
        requestBody: jsonBody(correlateMessageSchema),
        responses: {
          '200': ok('`{messageKey, processInstanceKey, instanceId, elementId}`'),
          '400': errors['400'],
          '401': errors['401'],
          '404': problemResponse('No instance waits for that message and key'),
          ...bodyErrors,
        },
      },
    },
  };
}
