/**
 * The `http` task type (alias `io.camunda:http-json:1`): a REST call in the shape of Camunda's
 * REST outbound connector, so models that use that connector run unchanged.
 *
 * Inputs (the task's own `zeebe:input` mappings, else task headers of the same name; never
 * inherited variables: connector-fields.ts): `method`, `url`, `headers`,
 * `queryParameters`, `body`, `connectionTimeoutInSeconds`, `readTimeoutInSeconds`,
 * `authentication` (`{type: 'bearer', token}` or `{type: 'basic', username, password}`).
 * `{{secrets.NAME}}` references in them are resolved here (secrets.ts), never in history.
 * Task headers: `resultVariable` stores `{status, headers, body}`; `resultExpression` is FEEL
 * over `response` whose context result is merged into the variables (any other result is an
 * incident); `errorExpression` is FEEL
 * over `response` and `error` that may return `bpmnError(code, message)`.
 *
 * Outbound calls go through the address policy (outbound.ts), always have a timeout and a
 * response size limit, heartbeat and abort when the activity is cancelled (heartbeat.ts), and
 * send `Idempotency-Key: <flowElementInstanceId>/<attempt>`. A non-2xx answer without an
 * errorExpression match fails the attempt (retried, then an incident); failure messages are
 * redacted (redact.ts: no query strings, user info or secret values).
 */
import { ApplicationFailure } from '@temporalio/common';
import { evaluate } from 'feelin';
import type { Outbound } from './outbound';
import { bpmnError } from './bpmn-error';
import { connectorFields } from './connector-fields';
import { idempotencyKey, whileHeartbeating } from './heartbeat';
import { withRedactedFailures } from './redact';
import type { SecretStore } from './secrets';
import { badConfig, httpUrl } from './task-config';
import type { TaskInput } from './task-input';

export interface HttpTaskLimits {
  timeoutMs: number;
  maxResponseBytes: number;
}

interface HttpResponseView {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** Builds the http task handler with the worker's limits (and secrets for `{{secrets.…}}`). */
export function createHttpTask(limits: HttpTaskLimits, outbound: Outbound, secrets?: SecretStore) {
  return async function http(input: TaskInput): Promise<Record<string, unknown>> {
    return withRedactedFailures(secrets, () => call(limits, outbound, secrets, input));
  };
}

async function call(
  limits: HttpTaskLimits,
  outbound: Outbound,
  secrets: SecretStore | undefined,
  input: TaskInput,
): Promise<Record<string, unknown>> {
  const v = connectorFields(input, secrets);
  const method = String(v.method ?? 'GET').toUpperCase();
  if (!METHODS.has(method)) throw badConfig(input, `unsupported method ${method}`);
  const url = buildUrl(input, v.url, v.queryParameters);
  const headers: Record<string, string> = {
    accept: 'application/json',
    'idempotency-key': idempotencyKey(input.flowElementInstanceId, input.attempt),
    ...lowerCaseKeys(stringRecord(v.headers)),
  };
  const auth = authorization(v.authentication);
  if (auth) headers.authorization = auth;
  let body: string | undefined;
  if (v.body !== undefined && v.body !== null && method !== 'GET' && method !== 'HEAD') {
    body = typeof v.body === 'string' ? v.body : JSON.stringify(v.body);
    headers['content-type'] ??= 'application/json';
  }
  const readMs = seconds(v.readTimeoutInSeconds) ?? limits.timeoutMs;
  const connectMs = seconds(v.connectionTimeoutInSeconds) ?? limits.timeoutMs;
  const response = await whileHeartbeating(
    Math.min(connectMs + readMs, 2 * limits.timeoutMs),
    async (signal): Promise<HttpResponseView> => {
      const res = await outbound.request(url, {
        method: method as 'GET',
        headers,
        body,
        headersTimeout: Math.min(readMs, limits.timeoutMs),
        bodyTimeout: Math.min(readMs, limits.timeoutMs),
        signal,
      });
      return {
        status: res.statusCode,
        headers: stringRecord(res.headers),
        body: await readBody(res.body, limits.maxResponseBytes, input),
      };
    },
  );
  return outcome(input, method, url, response);
}

/** The task's variables from the response, or its BPMN error / failure. */
function outcome(
  input: TaskInput,
  method: string,
  url: string,
  response: HttpResponseView,
): Record<string, unknown> {
  const ok = response.status >= 200 && response.status < 300;
  const error = ok
    ? null
    : { code: String(response.status), message: `HTTP ${response.status}`, response };
  if (input.headers.errorExpression) {
    const raised = feel(input, 'errorExpression', input.headers.errorExpression, {
      response,
      error,
    });
    if (isBpmnError(raised)) throw bpmnError(raised.code, raised.message ?? raised.code);
  }
  if (!ok) {
    throw ApplicationFailure.retryable(
      `HTTP ${response.status} from ${method} ${url}`,
      'HttpStatus',
      { status: response.status },
    );
  }
  const out: Record<string, unknown> = {};
  if (input.headers.resultVariable) out[input.headers.resultVariable] = response;
  if (input.headers.resultExpression) {
    const mapped = feel(input, 'resultExpression', input.headers.resultExpression, { response });
    if (!mapped || typeof mapped !== 'object' || Array.isArray(mapped))
      throw badConfig(
        input,
        `resultExpression must return a context of variables, not ${describeValue(mapped)}`,
      );
    Object.assign(out, mapped);
  }
  return out;
}

function buildUrl(input: TaskInput, raw: unknown, query: unknown): string {
  const url = httpUrl(input, raw, 'input url');
  for (const [k, val] of Object.entries(stringRecord(query))) url.searchParams.set(k, val);
  return url.toString();
}

function authorization(auth: unknown): string | undefined {
  if (!auth || typeof auth !== 'object') return undefined;
  const a = auth as Record<string, unknown>;
  if (a.type === 'bearer' && typeof a.token === 'string') return `Bearer ${a.token}`;
  if (a.type === 'basic')
    return `Basic ${Buffer.from(`${String(a.username ?? '')}:${String(a.password ?? '')}`).toString('base64')}`;
  return undefined;
}

async function readBody(
  stream: AsyncIterable<Buffer>,
  max: number,
  input: TaskInput,
): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > max)
      throw ApplicationFailure.nonRetryable(
        `task ${input.elementId}: response larger than ${max} bytes`,
        'HttpResponseTooLarge',
      );
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function feel(
  input: TaskInput,
  header: string,
  source: string,
  context: Record<string, unknown>,
): unknown {
  const expr = source.startsWith('=') ? source.slice(1) : source;
  try {
    return evaluate(expr, {
      ...input.variables,
      ...context,
      bpmnError: (code: unknown, message: unknown) => ({
        code: String(code),
        message: message == null ? undefined : String(message),
        __bpmnError: true,
      }),
    }).value;
  } catch (err) {
    throw badConfig(input, `${header} is not valid FEEL: ${(err as Error).message}`);
  }
}

/** What a FEEL value is, for a message: `null`, `a list`, `the number 200`. */
function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `the ${typeof value} ${JSON.stringify(value).slice(0, 80)}`;
}

function isBpmnError(v: unknown): v is { code: string; message?: string } {
  return !!v && typeof v === 'object' && (v as { __bpmnError?: boolean }).__bpmnError === true;
}

function stringRecord(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object') {
    for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
      if (val !== undefined && val !== null)
        out[k] = Array.isArray(val) ? val.join(', ') : String(val);
    }
  }
  return out;
}

function lowerCaseKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, val]) => [k.toLowerCase(), val]));
}

function seconds(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n * 1000 : undefined;
}
