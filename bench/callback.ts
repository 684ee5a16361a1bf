/**
 * The `callback` scenario's outside parts: the customer's service (a real HTTP server on
 * loopback) that acknowledges a custom activity's POST with 202 and then calls back — Waymark's
 * `responsePath` on the API, or the hand-written arm's own endpoint here, which delivers the
 * answer to its workflow by an update, as hand-written code would — and the hand-written arm's
 * activity that POSTs the work (queue `bench-hand`, served by the bench worker process).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import { request } from 'undici';
import { handCallbackDone } from './callback-contract';

export const HAND_ACTIVITY_QUEUE = 'bench-hand';

/** The hand-written arm's activity: POST the work, fail on a non-2xx answer. */
export function handActivities() {
  return {
    async benchPostWork(url: string, body: unknown): Promise<void> {
      const res = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      await res.body.dump();
      if (res.statusCode >= 300) throw new Error(`the service answered ${res.statusCode}`);
    },
  };
}

interface Work {
  responsePath: string;
  flowElementInstanceId: string;
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

export class CallbackService {
  /** Callbacks the service could not deliver (they would show as stuck instances too). */
  failures = 0;

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(client: Client): Promise<CallbackService> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const service = new CallbackService(server, `http://127.0.0.1:${port}`);
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      void service.handle(client, req, res).catch(() => {
        service.failures += 1;
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    return service;
  }

  private async handle(
    client: Client,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<void> {
    const body = await readJson(req);
    if (req.url === '/work') {
      res.writeHead(202).end();
      await this.answer(body as Work);
      return;
    }
    const hand = /^\/hand\/(.+)$/.exec(req.url ?? '');
    if (!hand) return void res.writeHead(404).end();
    const workflowId = decodeURIComponent(hand[1]);
    await client.workflow.getHandle(workflowId).executeUpdate(handCallbackDone, { args: [{}] });
    res.writeHead(200).end();
  }

  /** Calls back once the acknowledgement is out. */
  private async answer(work: Work): Promise<void> {
    await new Promise((r) => setImmediate(r));
    const res = await request(work.responsePath, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ flowElementInstanceId: work.flowElementInstanceId, data: {} }),
    });
    await res.body.dump();
    if (res.statusCode >= 300) this.failures += 1;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
