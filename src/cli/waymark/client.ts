/**
 * The CLI's HTTP client: one request against the Waymark API, with the API URL and key the
 * user gave (flags, else `WAYMARK_API_URL` / `WAYMARK_API_KEY`). A refused request becomes an
 * {@link ApiError} carrying the problem+json the API answered; an API that cannot be reached
 * becomes an {@link ApiUnreachable}, so the entry point can map each to its exit code.
 */

export interface ClientOptions {
  apiUrl: string;
  apiKey?: string;
  /** Milliseconds before a request is abandoned. */
  timeoutMs?: number;
}

/** RFC 9457 problem details as the API sends them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { elementId?: string; path?: string; rule?: string; message: string }[];
}

/** The API answered with a status outside 2xx. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    readonly request: string,
  ) {
    super(`${request}: ${status} ${problem.detail ?? problem.title ?? 'request refused'}`);
  }
}

/** No answer from the API at all (connection refused, DNS, timeout). */
export class ApiUnreachable extends Error {
  constructor(
    readonly apiUrl: string,
    cause: unknown,
  ) {
    super(`cannot reach the Waymark API at ${apiUrl}: ${describe(cause)}`);
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : err.message;
  }
  return String(err);
}

export interface RequestBody {
  /** Sent as JSON unless `contentType` says otherwise and the body is a string. */
  body: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export class ApiClient {
  constructor(private readonly options: ClientOptions) {}

  get apiUrl(): string {
    return this.options.apiUrl.replace(/\/+$/, '');
  }

  /** Sends one request; resolves with the parsed JSON body of a 2xx answer. */
  async request<T = unknown>(method: string, path: string, payload?: RequestBody): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...payload?.headers };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    let body: string | undefined;
    if (payload !== undefined) {
      const raw = typeof payload.body === 'string' && payload.contentType !== undefined;
      body = raw ? (payload.body as string) : JSON.stringify(payload.body);
      headers['content-type'] = payload.contentType ?? 'application/json';
    }
    const label = `${method} ${path}`;
    let res: Response;
    try {
      res = await fetch(`${this.apiUrl}${path}`, {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (err) {
      throw new ApiUnreachable(this.apiUrl, err);
    }
    const text = await res.text();
    const parsed = parseJson(text);
    if (!res.ok) {
      const problem =
        parsed && typeof parsed === 'object' ? (parsed as Problem) : { detail: text.trim() };
      throw new ApiError(res.status, problem, label);
    }
    return parsed as T;
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
