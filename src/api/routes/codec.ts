/**
 * The codec server (Temporal's codec server protocol): `POST /codec/encode` and
 * `POST /codec/decode` take `{payloads: [{metadata: {key: base64}, data: base64}]}` — the body
 * the Temporal Web UI and `temporal --codec-endpoint` send — and answer the same shape with
 * the payloads run through the payload codec, so operators read decrypted histories. Behind
 * the API's authentication; CORS comes from ./codec-cors. 404 while no codec keys are
 * configured (there is nothing to decode). Its body limit is the payload budget's, in base64.
 * The UI's `X-Namespace` header is not checked: one key list serves the API's namespace.
 */
import express, { Router } from 'express';
import { z } from 'zod';
import type { PayloadCodec } from '@temporalio/common';
import { EncryptionCodec } from '../../temporal/codec/encryption-codec';
import { payloadsFromJson, payloadsToJson } from '../../temporal/codec/json-payloads';
import type { ApiDeps } from '../deps';
import { HttpProblem, jsonBody, parseOr400 } from '../problem';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64');

export const codecBodySchema = z.object({
  payloads: z.array(
    z.object({
      metadata: z.record(z.string(), base64).optional(),
      data: base64.optional(),
    }),
  ),
});

export function codecRouter(deps: ApiDeps): Router {
  const router = Router();
  const codec = deps.config.codecKeys.length ? new EncryptionCodec(deps.config.codecKeys) : null;
  // Base64 adds a third; a batch may hold several payloads of the budget.
  const limit = Math.ceil(deps.config.WAYMARK_PAYLOAD_LIMIT * 1.4) * 4;
  const parse = express.json({ limit });
  const handle = (op: 'encode' | 'decode') =>
    (async (req, res) => {
      if (!codec)
        throw new HttpProblem(404, 'the payload codec is off (set WAYMARK_CODEC_KEYS)', {
          type: 'codec-off',
        });
      const body = parseOr400(codecBodySchema, jsonBody(req), 'body');
      const payloads = await run(codec, op, payloadsFromJson(body.payloads));
      res.json({ payloads: payloadsToJson(payloads) });
    }) satisfies express.RequestHandler;
  router.post('/codec/encode', parse, handle('encode'));
  router.post('/codec/decode', parse, handle('decode'));
  return router;
}

async function run(
  codec: PayloadCodec,
  op: 'encode' | 'decode',
  payloads: Parameters<PayloadCodec['encode']>[0],
) {
  try {
    return await codec[op](payloads);
  } catch (err) {
    throw new HttpProblem(400, err instanceof Error ? err.message : String(err), {
      type: 'codec-failed',
    });
  }
}
