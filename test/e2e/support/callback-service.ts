/**
 * The customer's callback service for the e2e tests of custom activities: a real HTTP server
 * that records every request the worker sends, acknowledges it (202), answers 500 for the
 * modes marked failing, and in mode `early` calls back before acknowledging. The mode is the
 * first path segment of the URL the model posts to.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReplayCheck } from '../../support/histories';

export interface Received {
  mode: string;
  headers: http.IncomingHttpHeaders;
  body: {
    responsePath: string;
    errorResponsePath: string;
    flowElementInstanceId: string;
    data: Record<string, unknown>;
  };
}

/** POSTs JSON; the status and the parsed body. */
export async function post(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export class CallbackService {
  readonly received: Received[] = [];
  /** Modes (first path segment) that answer 500 for now. */
  readonly failing = new Set<string>();
  /** What the `early` mode's callback answered (it calls back before acknowledging). */
  readonly earlyAnswers: number[] = [];
  private server: http.Server | undefined;
  url = '';

  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => void this.answer(req, Buffer.concat(chunks), res));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  close(): void {
    this.server?.closeAllConnections();
    this.server?.close();
  }

  /** Waits until the service has received `count` requests for the instance; returns the last. */
  async requestFor(instanceId: string, count = 1, timeoutMs = 60_000): Promise<Received> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mine = this.received.filter((r) =>
        r.body.flowElementInstanceId.startsWith(`${instanceId}/`),
      );
      if (mine.length >= count) return mine[count - 1];
      if (Date.now() > deadline)
        throw new Error(`service got ${mine.length} of ${count} requests for ${instanceId}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private async answer(
    req: http.IncomingMessage,
    raw: Buffer,
    res: http.ServerResponse,
  ): Promise<void> {
    const mode = (req.url ?? '/').split('/')[1];
    const body = JSON.parse(raw.toString('utf8')) as Received['body'];
    this.received.push({ mode, headers: req.headers, body });
    if (this.failing.has(mode)) {
      res.writeHead(500).end('down');
      return;
    }
    if (mode === 'early') {
      const answer = await post(body.responsePath, {
        flowElementInstanceId: body.flowElementInstanceId,
        data: { early: true },
      });
      this.earlyAnswers.push(answer.status);
    }
    res.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":true}');
  }
}

/**
 * A service for one test file: started before its tests, closed after them, when every
 * history the file recorded must replay.
 */
export function useCallbackService(replay: ReplayCheck): CallbackService {
  const service = new CallbackService();
  beforeAll(() => service.start());
  afterAll(async () => {
    service.close();
    expect(await replay.replayAll()).toEqual([]);
  }, 180_000);
  return service;
}
