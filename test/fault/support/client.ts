/**
 * The fault suite's HTTP client of the Waymark API: every call is retried while the API (or
 * Temporal behind it) is down — network errors and 5xx answers — until its deadline, as a
 * real client would. At most `limit` calls are in flight at once, so 200 polling instances do
 * not swamp a small machine. Retrying is the client's business; Waymark must not lose or
 * duplicate an effect because of it (the suite's checks).
 */
export interface Answer {
  status: number;
  body: any;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class RetryingClient {
  /** Calls that failed on the network or with a 5xx and were sent again. */
  retries = 0;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly baseUrl: () => string,
    private readonly limit = 6,
  ) {}

  /** One call, sent again after network errors and 5xx answers until `deadline` (epoch ms). */
  async call(
    method: string,
    urlPath: string,
    body?: unknown,
    opts: { headers?: Record<string, string>; deadline?: number } = {},
  ): Promise<Answer> {
    const deadline = opts.deadline ?? Date.now() + 120_000;
    let last = 'no answer';
    while (Date.now() < deadline) {
      const answer = await this.once(method, urlPath, body, opts.headers ?? {}).catch(
        (err: Error) => {
          last = err.message;
          return undefined;
        },
      );
      if (answer && answer.status < 500) return answer;
      if (answer) last = `${answer.status} ${JSON.stringify(answer.body)}`;
      this.retries += 1;
      await sleep(500);
    }
    throw new Error(`${method} ${urlPath}: gave up at the deadline; last: ${last}`);
  }

  private async once(
    method: string,
    urlPath: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<Answer> {
    await this.acquire();
    try {
      const xml = typeof body === 'string';
      const res = await fetch(`${this.baseUrl()}${urlPath}`, {
        method,
        headers: {
          ...(body === undefined
            ? {}
            : { 'content-type': xml ? 'application/xml' : 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: xml ? body : JSON.stringify(body) }),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed };
    } finally {
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    if (this.inFlight < this.limit) {
      this.inFlight += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight -= 1;
  }
}
