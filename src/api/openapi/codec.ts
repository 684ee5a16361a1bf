/**
 * OpenAPI paths of the codec server (routes/codec.ts): Temporal's codec server protocol, for
 * the Web UI's "codec server" setting and `temporal --codec-endpoint`.
 */
import { codecBodySchema } from '../routes/codec';
import type { Json } from './common';
import { bodyErrors, errors, jsonBody, ok, problemResponse } from './common';

const operation = (op: 'encode' | 'decode'): Json => ({
  summary:
    op === 'decode'
      ? 'Decrypt payloads (the Temporal Web UI and CLI codec server call)'
      : 'Encrypt payloads with the current codec key',
  description:
    'Temporal codec server protocol: `{payloads: [{metadata: {key: base64}, data: base64}]}` in, the same shape out. ' +
    (op === 'decode'
      ? 'Payloads not marked `binary/encrypted` come back unchanged; an encrypted one is opened with the key its `encryption-key-id` names.'
      : 'Each payload becomes `binary/encrypted` with the id of the first key of WAYMARK_CODEC_KEYS.') +
    ' CORS: the origins of WAYMARK_CODEC_CORS_ORIGINS (default the Temporal Web UI) may call it from a browser; their preflight needs no API key.',
  requestBody: jsonBody(codecBodySchema),
  responses: {
    '200': ok('`{payloads}`, one per payload sent, in order'),
    '400': problemResponse(
      'Invalid body, or a payload that does not decrypt (unknown key id, tampered ciphertext)',
    ),
    '401': errors['401'],
    '404': problemResponse('The codec is off (no WAYMARK_CODEC_KEYS)'),
    ...bodyErrors,
  },
});

export function codecPaths(): Json {
  return {
    '/codec/encode': { post: operation('encode') },
    '/codec/decode': { post: operation('decode') },
  };
}
