/**
 * RFC 9457 problem details: the one error shape the API answers with. Route code throws
 * `HttpProblem`; the error middleware turns it — and express's own body-parser errors,
 * zod errors and registry errors — into `application/problem+json` with the right status.
 * Unexpected errors become a 500 whose detail hides internals (they are logged instead).
 */
import { isGrpcDeadlineError, isGrpcServiceError } from '@temporalio/client';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { unsafeKeyPath } from '../model/variable-names';
import { RegistryConflictError, RegistryInputError, RegistryNotFoundError } from '../registry';
import { routeLabel } from './observability';

/** One entry of `errors`: a body path or a model element, with a message and a position. */
export interface ProblemItem {
  path?: string;
  elementId?: string;
  /** The BPMN process holding `elementId`, when a file holds several. */
  processId?: string;
  rule?: string;
  message: string;
  line?: number;
  column?: number;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: ProblemItem[];
  [extension: string]: unknown;
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An error that answers as problem+json. `type` is a short slug, expanded to a URN. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly extra: {
      type?: string;
      title?: string;
      errors?: ProblemItem[];
      [k: string]: unknown;
    } = {},
  ) {
    super(detail);
  }

  toBody(): ProblemBody {
    const { type, title, errors, ...rest } = this.extra;
    return {
      ...rest,
      type: type ? `urn:waymark:problem:${type}` : 'about:blank',
      title: title ?? titles[this.status] ?? 'Error',
      status: this.status,
      detail: this.message,
      ...(errors ? { errors } : {}),
    };
  }
}

/** zod issues → problem items with dotted paths; each unknown field is named on its own. */
export function zodItems(error: z.ZodError, prefix?: string): ProblemItem[] {
  const join = (path: (string | undefined)[]): string => path.filter(Boolean).join('.') || '(root)';
  return error.issues.flatMap((i) => {
    const base = [prefix, ...i.path.map(String)];
    return i.code === 'unrecognized_keys'
      ? i.keys.map((key) => ({ path: join([...base, key]), message: 'unknown field' }))
      : [{ path: join(base), message: i.message }];
  });
}

/** Parses with a zod schema or throws a 400 problem naming every bad field. */
export function parseOr400<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: 'body' | 'query',
): z.infer<S> {
  // Before zod copies the body: a copy drops an own `__proto__` key without a word.
  const reserved = what === 'body' ? unsafeKeyPath(value) : undefined;
  if (reserved !== undefined)
    throw new HttpProblem(400, `invalid request body: body.${reserved}`, {
      type: 'invalid-body',
      errors: [
        {
          path: `body.${reserved}`,
          message: `'${reserved.split('.').pop()}' is a reserved name (__proto__, constructor, prototype)`,
        },
      ],
    });
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const errors = zodItems(result.error, what);
  throw new HttpProblem(400, `invalid request ${what}: ${errors.map((e) => e.path).join(', ')}`, {
    type: `invalid-${what}`,
    errors,
  });
}

export function sendProblem(res: Parameters<RequestHandler>[1], problem: HttpProblem): void {
  res
    .status(problem.status)
    .type('application/problem+json')
    .send(JSON.stringify(problem.toBody()));
}

/** 404 for routes nobody handles. */
export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(
    res,
    new HttpProblem(404, `no route for ${req.method} ${req.path}`, { type: 'no-route' }),
  );
};

/** Body-parser errors carry `type` and `status`; map the ones clients cause. */
function fromBodyParser(err: {
  type?: unknown;
  status?: unknown;
  message?: unknown;
  length?: unknown;
  limit?: unknown;
}): HttpProblem | undefined {
  switch (err.type) {
    case 'entity.too.large':
      return new HttpProblem(
        413,
        `request body of ${String(err.length)} bytes exceeds the limit of ${String(err.limit)} bytes (WAYMARK_BODY_LIMIT)`,
        { type: 'body-too-large', size: err.length, limit: err.limit },
      );
    case 'entity.parse.failed':
      return new HttpProblem(400, `malformed JSON body: ${String(err.message)}`, {
        type: 'malformed-body',
      });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpProblem(415, String(err.message), { type: 'unsupported-encoding' });
    case 'request.aborted':
      return new HttpProblem(400, 'request aborted', { type: 'request-aborted' });
    default:
      if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
        return new HttpProblem(err.status, String(err.message));
      }
      return undefined;
  }
}

/** The last middleware: every error becomes problem+json. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    let problem: HttpProblem | undefined;
    if (err instanceof HttpProblem) problem = err;
    else if (err instanceof RegistryNotFoundError)
      problem = new HttpProblem(404, err.message, { type: 'not-found' });
    else if (err instanceof RegistryConflictError)
      problem = new HttpProblem(409, err.message, { type: 'conflict' });
    else if (err instanceof RegistryInputError)
      problem = new HttpProblem(422, err.message, { type: 'invalid-input' });
    else if (err instanceof z.ZodError)
      problem = new HttpProblem(400, 'invalid request', { errors: zodItems(err) });
    else if (temporalUnavailable(err)) {
      logger.warn({ err, method: req.method, route: routeLabel(req) }, 'Temporal did not answer');
      problem = new HttpProblem(503, 'Temporal did not answer in time; retry later', {
        type: 'temporal-unavailable',
      });
    } else if (typeof err === 'object' && err !== null)
      problem = fromBodyParser(err as Record<string, unknown>);
    if (!problem) {
      logger.error({ err, method: req.method, route: routeLabel(req) }, 'unhandled error');
      problem = new HttpProblem(500, 'internal error; see the server log');
    }
    sendProblem(res, problem);
  };
}

/** A Temporal call that ran out of time or found no server (gRPC DEADLINE_EXCEEDED / UNAVAILABLE). */
function temporalUnavailable(err: unknown): boolean {
  const UNAVAILABLE = 14;
  if (isGrpcDeadlineError(err)) return true;
  // The client wraps the gRPC error (ServiceError with the status in its cause).
  for (let e: unknown = err; e instanceof Error; e = e.cause)
    if (isGrpcServiceError(e) && e.code === UNAVAILABLE) return true;
  return false;
}

/**
 * The JSON body of a request, or `{}` when it has none. A body of another media type is a
 * 415 (express.json leaves such bodies unparsed, which would otherwise look empty).
 */
export function jsonBody(req: Parameters<RequestHandler>[0]): unknown {
  const type = req.is(['application/json', 'application/*+json']);
  if (type === false) {
    throw new HttpProblem(
      415,
      `expected application/json, got ${req.headers['content-type'] ?? 'no content type'}`,
      {
        type: 'unsupported-media-type',
      },
    );
  }
  return type === null ? {} : req.body;
}
