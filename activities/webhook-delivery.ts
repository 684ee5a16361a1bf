/**
 * Webhook deliveries: `waymark.webhookSubscriptions` lists the subscriptions that want an
 * event (ids only — no URL or secret enters workflow history), `waymark.deliverWebhook` POSTs
 * one delivery. Each delivery is signed with its subscription's secret: HMAC-SHA256 over
 * `${timestamp}.${body}`, sent as `Waymark-Signature: t=<unix seconds>,v1=<hex>`, with the
 * delivery's id in `Waymark-Delivery-Id` (the same on every retry, so receivers can dedupe).
 * A non-2xx answer or a network error throws, and Temporal retries with backoff (the retry
 * policy lives in workflows/notify.ts). A subscription deleted meanwhile ends the delivery.
 */
import { createHmac } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { INTERNAL_ACTIVITIES } from '../src/model/task-types';
import type { Outbound } from './outbound';

export type WebhookEventName = 'run.completed' | 'run.failed' | 'incident.created';

/** One delivery: which subscription, its stable id, and the JSON body (built in the workflow). */
export interface WebhookDelivery {
  subscriptionId: string;
  deliveryId: string;
  event: WebhookEventName;
  body: Record<string, unknown>;
}

export interface DeliveryOutcome {
  /** HTTP status of the accepting answer, or 'skipped' when the subscription is gone. */
  status: number | 'skipped';
}

/** What the delivery activities read from the registry. */
export interface WebhookDeliveryDeps {
  forEvent(event: WebhookEventName): Promise<{ id: string }[]>;
  withSecret(id: string): Promise<{ url: string; secret: string } | undefined>;
  /** Per-attempt HTTP timeout (default 10 s). */
  timeoutMs?: number;
}

const WEBHOOK_SUBSCRIPTIONS_ACTIVITY = INTERNAL_ACTIVITIES.webhookSubscriptions;
const DELIVER_WEBHOOK_ACTIVITY = INTERNAL_ACTIVITIES.deliverWebhook;

/** The `Waymark-Signature` header value for a body sent at `timestamp` (unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** Builds both activities over the registry's subscriptions. */
export function createWebhookActivities(deps: WebhookDeliveryDeps, outbound: Outbound) {
  return {
    async [WEBHOOK_SUBSCRIPTIONS_ACTIVITY](event: WebhookEventName): Promise<{ id: string }[]> {
      return (await deps.forEvent(event)).map((s) => ({ id: s.id }));
    },
    async [DELIVER_WEBHOOK_ACTIVITY](delivery: WebhookDelivery): Promise<DeliveryOutcome> {
      const sub = await deps.withSecret(delivery.subscriptionId);
      if (!sub) return { status: 'skipped' };
      const body = JSON.stringify(delivery.body);
      const timestamp = Math.floor(Date.now() / 1000);
      let res: Awaited<ReturnType<Outbound['fetch']>>;
      try {
        res = await outbound.fetch(sub.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Waymark-Webhooks/1',
            'Waymark-Event': delivery.event,
            'Waymark-Delivery-Id': delivery.deliveryId,
            'Waymark-Signature': signWebhook(sub.secret, timestamp, body),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
        });
      } catch (err) {
        if (err instanceof ApplicationFailure) throw err;
        throw ApplicationFailure.retryable(
          `webhook delivery to ${sub.url} failed: ${(err as Error).message}`,
          'WebhookDeliveryFailed',
        );
      }
      await res.arrayBuffer().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) {
        throw ApplicationFailure.retryable(
          `webhook ${sub.url} answered ${res.status}`,
          'WebhookDeliveryFailed',
        );
      }
      return { status: res.status };
    },
  };
}
