/**
 * Callbacks of custom activities (task type `callback`): `POST /callbacks/{token}/success`
 * `{flowElementInstanceId, data}` and `POST /callbacks/{token}/error`
 * `{flowElementInstanceId, errorMessage, errorCode?}`, the `responsePath` /
 * `errorResponsePath` the worker handed to the service. The signed token is the credential
 * (no API key): a bad or missing signature, an expired token, a token of an earlier run of
 * the same workflow id (a reused business key), or a body naming another element instance,
 * is a 401. The token names the element instance and so the workflow; the callback goes in as the
 * `callback` update, whose validator answers unknown → 404 and a different outcome than the
 * first → 409; an identical repeat answers 200 again and changes nothing. Once the instance
 * has closed, the `callbackStatus` query tells a repeat (200) from anything else (409).
 */
import { ApplicationFailure } from '@temporalio/common';
import {
  QueryNotRegisteredError,
  WorkflowUpdateFailedError,
  type WorkflowExecutionDescription,
  type WorkflowHandle,
} from '@temporalio/client';
import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import {
  CALLBACK_CONFLICT,
  CALLBACK_NOT_FOUND,
  callbackStatusQuery,
  callbackUpdate,
  type CallbackUpdateInput,
} from '../../../workflows/messages';
import {
  callbackKeys,
  verifyCallbackToken,
  type CallbackClaims,
  type TokenRejection,
} from '../../callbacks/signing';
import type { ApiDeps } from '../deps';
import { describeInstance } from '../instance-access';
import { HttpProblem, jsonBody, parseOr400 } from '../problem';
import { variablesSchema } from '../schemas';
import { isWorkflowNotFound, mapStatus, withDeadline } from '../temporal-views';
import { workflowIdOf } from './user-tasks';

export const callbackSuccessSchema = z.object({
  flowElementInstanceId: z
    .string()
    .min(1)
    .optional()
    .describe('Must match the element instance the URL was issued for'),
  data: variablesSchema.optional().describe('Variables to create or update'),
});

export const callbackErrorSchema = z.object({
  flowElementInstanceId: z.string().min(1).optional(),
  errorMessage: z
    .string()
    .describe('Incident message, or variable `errorMessage` on the error boundary path'),
  errorCode: z
    .string()
    .min(1)
    .optional()
    .describe('Selects an error boundary with this errorCode (a catch-all catches any error)'),
});

const unauthorized = (detail: string) =>
  new HttpProblem(401, detail, { type: 'invalid-callback-token' });
const REJECTIONS: Record<TokenRejection, string> = {
  malformed: 'invalid callback signature',
  'bad-signature': 'invalid callback signature',
  expired: 'this callback URL has expired',
};
const notFound = (detail: string) => new HttpProblem(404, detail, { type: 'callback-not-found' });
const conflict = (detail: string) => new HttpProblem(409, detail, { type: 'callback-conflict' });

export function callbacksRouter(deps: ApiDeps): Router {
  const router = Router();
  const { client } = deps.temporal;
  const timeoutMs = deps.temporal.timeoutMs ?? 5000;
  let keys: string[] | undefined;

  /** The token is checked before the body is read: a bad one never costs a parse. */
  const verifyToken: RequestHandler = (req, res, next) => {
    const outcome = req.params.outcome;
    if (outcome !== 'success' && outcome !== 'error')
      throw new HttpProblem(404, `no route for POST ${req.path}`, { type: 'no-route' });
    keys ??= callbackKeys(deps.config);
    const verified = verifyCallbackToken(keys, String(req.params.token));
    if ('rejected' in verified) throw unauthorized(REJECTIONS[verified.rejected]);
    res.locals.claims = verified.claims;
    next();
  };
  const parseBody = express.json({
    limit: deps.config.WAYMARK_BODY_LIMIT,
    type: ['application/json', 'application/*+json'],
  });

  router.post('/callbacks/:token/:outcome', verifyToken, parseBody, async (req, res) => {
    const outcome = req.params.outcome as 'success' | 'error';
    const claims = res.locals.claims as CallbackClaims;
    const raw = jsonBody(req);
    const body =
      outcome === 'success'
        ? parseOr400(callbackSuccessSchema, raw, 'body')
        : parseOr400(callbackErrorSchema, raw, 'body');
    const feiId = claims.flowElementInstanceId;
    if (body.flowElementInstanceId !== undefined && body.flowElementInstanceId !== feiId) {
      throw new HttpProblem(
        401,
        `this callback URL is not valid for flowElementInstanceId '${body.flowElementInstanceId}'`,
        { type: 'invalid-callback-token' },
      );
    }
    const input: CallbackUpdateInput = {
      flowElementInstanceId: feiId,
      attempt: claims.attempt,
      outcome,
      ...('data' in body && body.data !== undefined ? { data: body.data } : {}),
      ...('errorMessage' in body ? { errorMessage: body.errorMessage } : {}),
      ...('errorCode' in body && body.errorCode !== undefined ? { errorCode: body.errorCode } : {}),
    };
    const workflowId = workflowIdOf(feiId);
    if (!workflowId) throw notFound(`no callback task '${feiId}'`);
    const { description } = await describeInstance(client, workflowId).catch((err: unknown) => {
      throw err instanceof HttpProblem && err.status === 404
        ? notFound(`no callback task '${feiId}': instance '${workflowId}' not found`)
        : err;
    });
    if (firstRunIdOf(description) !== claims.firstRunId)
      throw unauthorized(
        `this callback URL belongs to an earlier run of instance '${workflowId}', not to the current one`,
      );
    // Bound to the chain of that first run: a newer run with the same id never gets it.
    const handle = client.workflow.getHandle(workflowId, undefined, {
      firstExecutionRunId: claims.firstRunId,
    });
    const answer = (duplicate: boolean) =>
      res.json({ instanceId: workflowId, flowElementInstanceId: feiId, duplicate });

    if (description.status.name === 'RUNNING') {
      try {
        const out = await handle.executeUpdate(callbackUpdate, { args: [input] });
        answer(out.duplicate);
        return;
      } catch (err) {
        const rejection = rejectionOf(err);
        if (rejection?.type === CALLBACK_NOT_FOUND) throw notFound(rejection.message);
        if (rejection?.type === CALLBACK_CONFLICT) throw conflict(rejection.message);
        // The instance may have closed meanwhile: then answer as for a closed one.
        const again = await handle.describe();
        if (again.status.name === 'RUNNING') throw err;
      }
    }
    const status = await closedStatus(handle, input);
    if (status === 'duplicate') {
      answer(true);
      return;
    }
    if (status === 'unknown') throw notFound(`no callback task '${feiId}'`);
    const now = await handle.describe();
    throw conflict(`instance '${workflowId}' is ${mapStatus(now.status.name)}`);
  });

  /**
   * What the closed instance says of the callback. An instance older than the query cannot
   * tell (`conflict`); one that is gone is `unknown`; any other failure to ask (no worker
   * answered in time, …) is a 503 to retry — not a 409 that would say the callback conflicts.
   */
  async function closedStatus(handle: WorkflowHandle, input: CallbackUpdateInput) {
    try {
      const s = await withDeadline(client, timeoutMs, () =>
        handle.query(callbackStatusQuery, input),
      );
      return s.status;
    } catch (err) {
      if (err instanceof QueryNotRegisteredError) return 'conflict' as const;
      if (isWorkflowNotFound(err)) return 'unknown' as const;
      throw new HttpProblem(
        503,
        `instance '${handle.workflowId}' could not be asked whether this callback was applied (${
          err instanceof Error ? err.message : String(err)
        }); try again later`,
        { type: 'instance-unavailable' },
      );
    }
  }

  return router;
}

/** The first run of the workflow's chain (the run itself when it never continued as new). */
function firstRunIdOf(description: WorkflowExecutionDescription): string {
  return description.raw.workflowExecutionInfo?.firstRunId || description.runId;
}

function rejectionOf(err: unknown): { type?: string; message: string } | undefined {
  if (!(err instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = err.cause;
  if (cause instanceof ApplicationFailure)
    return { type: cause.type ?? undefined, message: cause.message };
  return { message: cause?.message ?? err.message };
}
