/**
 * The `callback` task type (custom activity): POSTs to the service named by task header `url`
 * the JSON body `{responsePath, errorResponsePath, flowElementInstanceId, data}` and completes
 * on the service's 2xx acknowledgement; the workflow then waits for the callback on one of the
 * two signed URLs (see src/callbacks/signing.ts). `data` is what the engine hands over: the
 * task's input-mapped variables, or all visible ones when it has none.
 *
 * Task headers: `url` (required), `authorization` (sent as the Authorization header),
 * `header.<name>` (sent as header `<name>`; `{{secrets.NAME}}` references in these two are
 * resolved here, secrets.ts), `timeout` (seconds or ISO-8601 `PT…S`, for the
 * acknowledgement). The request heartbeats and is aborted when the activity is cancelled, and
 * carries `Idempotency-Key: <flowElementInstanceId>/<attempt>`. A non-2xx answer or a network error fails the attempt: Temporal retries it
 * with backoff (the task's `retries`), then the engine raises an incident whose retry sends
 * the request again.
 */
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { Outbound } from './outbound';
import { callbackUrls } from '../src/callbacks/signing';
import { idempotencyKey, whileHeartbeating } from './heartbeat';
import { withRedactedFailures } from './redact';
import { UnknownSecretError, type SecretStore } from './secrets';
import { badConfig, httpUrl } from './task-config';
import type { TaskInput } from './task-input';

export interface CallbackTaskDeps {
  /** The API's public base URL (config `publicUrl`). */
  publicUrl: string;
  /** The signing secret (shared with the API). */
  secret: string;
  /** Default acknowledgement timeout. */
  timeoutMs: number;
  /** How long the callback URLs stay valid (config WAYMARK_CALLBACK_TTL_DAYS). */
  tokenTtlMs: number;
}

/** Builds the callback task handler (with the worker's secrets for `{{secrets.…}}` headers). */
export function createCallbackTask(
  deps: CallbackTaskDeps,
  outbound: Outbound,
  secrets?: SecretStore,
) {
  return async function callback(input: TaskInput): Promise<Record<string, unknown>> {
    return withRedactedFailures(secrets, () => send(deps, outbound, secrets, input));
  };
}

async function send(
  deps: CallbackTaskDeps,
  outbound: Outbound,
  secrets: SecretStore | undefined,
  input: TaskInput,
): Promise<Record<string, unknown>> {
  const url = targetUrl(input);
  const attempt = input.callbackAttempt ?? 1;
  const claims = {
    flowElementInstanceId: input.flowElementInstanceId,
    attempt,
    // Inputs scheduled before the run id was passed: the current run (the first one unless
    // the instance continued as new).
    firstRunId: input.firstRunId ?? Context.current().info.workflowExecution?.runId ?? '',
    expiresAt: Math.ceil((Date.now() + deps.tokenTtlMs) / 1000),
  };
  const body = {
    ...callbackUrls(deps.publicUrl, deps.secret, claims),
    flowElementInstanceId: input.flowElementInstanceId,
    data: input.variables,
  };
  const headers = requestHeaders(input, secrets);
  headers['idempotency-key'] = idempotencyKey(input.flowElementInstanceId, attempt);
  const timeoutMs = timeoutOf(input) ?? deps.timeoutMs;
  const status = await whileHeartbeating(timeoutMs, async (signal) => {
    const res = await outbound.request(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal,
    });
    await res.body.dump();
    return res.statusCode;
  });
  if (status < 200 || status >= 300) {
    throw ApplicationFailure.retryable(
      `HTTP ${status} from POST ${url}`,
      'CallbackRequestRejected',
      { status },
    );
  }
  return {};
}

/** Content type, `authorization` and `header.<name>` headers, secret references resolved. */
function requestHeaders(
  input: TaskInput,
  secrets: SecretStore | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
  };
  const resolve = (name: string, value: string): string => {
    try {
      return secrets ? secrets.resolve(value) : value;
    } catch (err) {
      if (err instanceof UnknownSecretError) throw badConfig(input, `${name}: ${err.message}`);
      throw err;
    }
  };
  for (const [name, value] of Object.entries(input.headers)) {
    if (name.toLowerCase() === 'authorization') headers.authorization = resolve(name, value);
    else if (name.startsWith('header.') && name.length > 7)
      headers[name.slice(7).toLowerCase()] = resolve(name, value);
  }
  return headers;
}

function targetUrl(input: TaskInput): string {
  return httpUrl(input, input.headers.url, 'task header url').toString();
}

/** Header `timeout`: seconds (`30`) or an ISO-8601 duration in seconds/minutes (`PT30S`). */
function timeoutOf(input: TaskInput): number | undefined {
  const raw = input.headers.timeout?.trim();
  if (!raw) return undefined;
  const iso = /^PT(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i.exec(raw);
  const seconds = iso ? Number(iso[1] ?? 0) * 60 + Number(iso[2] ?? 0) : Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw badConfig(input, `timeout is not a number of seconds or PT…S duration: ${raw}`);
  return Math.round(seconds * 1000);
}
