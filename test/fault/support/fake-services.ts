/**
 * The outside services of the fault suite, as real HTTP servers on loopback: the customer's
 * callback service (acknowledges each request, then calls back on its own, retrying while the
 * API is down, and keeps what each callback answered) and the webhook receiver (keeps every
 * delivery with its `Waymark-Delivery-Id`). Both only record; the suite's checks judge.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the callback service saw and got back for one flowElementInstanceId. */
export interface CallbackRecord {
  requests: number;
  idempotencyKeys: Set<string>;
  /** Answers with `duplicate: false` — the API applied the callback for this call. */
  applied: number;
  /** 200 with `duplicate: true`, and 409s (the task no longer waits: applied before). */
  repeats: number;
}

/** One webhook delivery as received. */
export interface Delivery {
  deliveryId: string;
  event: string;
  runId: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** The customer's service behind the custom activity `Task_Callback`. */
export class FaultCallbackService {
  readonly records = new Map<string, CallbackRecord>();
  url = '';
  private server: http.Server | undefined;
  private closed = false;

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      void readBody(req).then((raw) => {
        res.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":true}');
        const body = JSON.parse(raw) as { responsePath: string; flowElementInstanceId: string };
        const record = this.recordFor(body.flowElementInstanceId);
        record.requests += 1;
        record.idempotencyKeys.add(String(req.headers['idempotency-key']));
        void this.callBack(body, record);
      });
    });
    this.url = await listen(this.server);
  }

  close(): void {
    this.closed = true;
    this.server?.closeAllConnections();
    this.server?.close();
  }

  private recordFor(id: string): CallbackRecord {
    let record = this.records.get(id);
    if (!record) {
      record = { requests: 0, idempotencyKeys: new Set(), applied: 0, repeats: 0 };
      this.records.set(id, record);
    }
    return record;
  }

  /** Calls back after a moment; retries (network errors, 5xx) until the API answers for it. */
  private async callBack(
    body: { responsePath: string; flowElementInstanceId: string },
    record: CallbackRecord,
  ): Promise<void> {
    await sleep(200);
    const data = { reservationId: `R-${body.flowElementInstanceId}` };
    const deadline = Date.now() + 10 * 60_000;
    while (!this.closed && Date.now() < deadline) {
      try {
        const res = await fetch(body.responsePath, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ flowElementInstanceId: body.flowElementInstanceId, data }),
        });
        const answer = (await res.json().catch(() => ({}))) as { duplicate?: boolean };
        if (res.status === 200) {
          if (answer.duplicate) record.repeats += 1;
          else record.applied += 1;
          return;
        }
        if (res.status === 409) {
          record.repeats += 1;
          return;
        }
      } catch {
        // the API is down: try again
      }
      await sleep(500);
    }
  }
}

/** The receiver of the `run.completed` webhook subscription. */
export class WebhookReceiver {
  readonly deliveries: Delivery[] = [];
  url = '';
  private server: http.Server | undefined;

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      void readBody(req).then((raw) => {
        const body = JSON.parse(raw) as { event: string; data: { runId: string } };
        this.deliveries.push({
          deliveryId: String(req.headers['waymark-delivery-id']),
          event: body.event,
          runId: body.data.runId,
        });
        res.writeHead(200).end();
      });
    });
    this.url = await listen(this.server);
  }

  close(): void {
    this.server?.closeAllConnections();
    this.server?.close();
  }
}
