/**
 * OpenAPI paths of custom-activity callbacks (routes/callbacks.ts). The handler serves
 * `/callbacks/{token}/{outcome}`; the two outcomes take different bodies, so they are
 * described as two paths. The signed token in the URL (`responsePath` /
 * `errorResponsePath`) is the only credential.
 */
import { callbackErrorSchema, callbackSuccessSchema } from '../routes/callbacks';
import type { Json } from './common';
import { bodyErrors, jsonBody, ok, pathParam, problemResponse, signedUrl } from './common';

const responses = {
  '200': ok('Applied, or an identical repeat (`duplicate: true`)', {
    type: 'object',
    properties: {
      instanceId: { type: 'string' },
      flowElementInstanceId: { type: 'string' },
      duplicate: { type: 'boolean' },
    },
  }),
  '400': problemResponse('Invalid request'),
  '401': problemResponse(
    'Bad signature, an expired URL, a URL of an earlier run of the workflow id, or a body naming another flowElementInstanceId',
  ),
  '404': problemResponse('Unknown flowElementInstanceId'),
  '409': problemResponse('A different outcome was already received, or no longer waiting'),
  '503': problemResponse('The closed instance could not be asked (no worker answered); retry'),
  ...bodyErrors,
};

export function callbackPaths(): Json {
  return {
    '/callbacks/{token}/success': {
      parameters: [pathParam('token', 'Signed token from responsePath')],
      post: {
        summary: 'Callback of a custom activity: success (data merged, the process goes on)',
        security: signedUrl,
        requestBody: jsonBody(callbackSuccessSchema, false),
        responses,
      },
    },
    '/callbacks/{token}/error': {
      parameters: [pathParam('token', 'Signed token from errorResponsePath')],
      post: {
        summary: 'Callback of a custom activity: error (incident, or the error boundary)',
        security: signedUrl,
        requestBody: jsonBody(callbackErrorSchema),
        responses,
      },
    },
  };
}
