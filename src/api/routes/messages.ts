/**
 * Messages across instances (issue 15; design: docs/architecture.md "Messages across
 * instances"). `POST /messages/publication` hands the message to the mailbox of its name and
 * correlation key — every instance waiting there gets it once; with a time to live it stays
 * buffered for instances that subscribe later; a `messageId` still buffered is a 409 naming
 * the first `messageKey` — and starts instances at message start events. `POST
 * /messages/correlation` reaches the first waiting subscription only, never buffers, and is a
 * 404 when nothing waits.
 */
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { correlateWithMailbox, publishToMailbox } from '../../temporal/mailbox-client';
import type { ApiDeps } from '../deps';
import { correlateMessageSchema, publishMessageSchema, timeToLiveMs } from '../message-schemas';
import { startByMessage } from '../message-starts';
import { HttpProblem, jsonBody, parseOr400 } from '../problem';
import { checkPayloadBudget } from '../start/start-budget';

export function messagesRouter(deps: ApiDeps): Router {
  const router = Router();
  const taskQueue = deps.config.WAYMARK_TASK_QUEUE;

  router.post('/messages/publication', async (req, res) => {
    const body = parseOr400(publishMessageSchema, jsonBody(req) ?? {}, 'body');
    const ttl = timeToLiveMs(body.timeToLive);
    const max = deps.config.WAYMARK_MESSAGE_TTL_MAX_MS;
    if (ttl > max) {
      const message = `timeToLive ${ttl} ms is over the maximum of ${max} ms (WAYMARK_MESSAGE_TTL_MAX_MS)`;
      throw new HttpProblem(400, message, { errors: [{ path: 'body.timeToLive', message }] });
    }
    const variables = body.variables ?? {};
    checkPayloadBudget(deps.config, 'the message variables', variables);
    const messageKey = randomUUID();
    const correlationKey = body.correlationKey ?? '';
    const result = await publishToMailbox(
      deps.temporal.client,
      { name: body.name, correlationKey, taskQueue },
      {
        messageKey,
        variables,
        timeToLive: ttl,
        ...(body.messageId ? { messageId: body.messageId } : {}),
      },
    );
    if (result.duplicateOf !== undefined)
      throw new HttpProblem(
        409,
        `a message with messageId '${body.messageId}' is still buffered as ${result.duplicateOf}`,
        {
          type: 'message-already-published',
          messageKey: result.duplicateOf,
        },
      );
    const started = await startByMessage(deps, {
      name: body.name,
      variables,
      messageKey,
      ...(body.correlationKey !== undefined ? { correlationKey: body.correlationKey } : {}),
    });
    res.json({
      messageKey,
      tenantId: body.tenantId ?? '<default>',
      reached: result.reached,
      started,
      buffered: result.buffered,
    });
  });

  router.post('/messages/correlation', async (req, res) => {
    const body = parseOr400(correlateMessageSchema, jsonBody(req) ?? {}, 'body');
    const variables = body.variables ?? {};
    checkPayloadBudget(deps.config, 'the message variables', variables);
    const messageKey = randomUUID();
    const reached = await correlateWithMailbox(
      deps.temporal.client,
      { name: body.name, correlationKey: body.correlationKey, taskQueue },
      { messageKey, variables },
    );
    if (!reached)
      throw new HttpProblem(
        404,
        `no instance waits for message '${body.name}' with correlation key '${body.correlationKey}'`,
        {
          type: 'no-subscription',
        },
      );
    res.json({
      messageKey,
      processInstanceKey: reached.instanceId,
      instanceId: reached.instanceId,
      elementId: reached.elementId,
    });
  });
  return router;
}
