/**
 * `POST /signals/broadcast`: broadcasts a signal `{signalName, variables?}` to every open signal
 * subscription of every running instance (signal catch, boundary, event subprocess start,
 * event-based gateway target) and starts one instance of every enabled definition whose latest
 * deployed version has a signal start event of that name (signals/broadcast.ts). Answers 200
 * `{signalKey, reached, started}`; nobody waiting is 200 with both counts 0.
 */
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { ApiDeps } from '../deps';
import { jsonBody, parseOr400 } from '../problem';
import { broadcastSignal } from '../signals/broadcast';
import { broadcastSignalSchema } from '../signals/schemas';

export function signalsRouter(deps: ApiDeps): Router {
  const router = Router();
  router.post('/signals/broadcast', async (req, res) => {
    const body = parseOr400(broadcastSignalSchema, jsonBody(req) ?? {}, 'body');
    const outcome = await broadcastSignal(deps, {
      signalName: body.signalName,
      ...(body.variables !== undefined ? { variables: body.variables } : {}),
      signalKey: randomUUID(),
    });
    res.json(outcome);
  });
  return router;
}
