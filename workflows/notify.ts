/**
 * Webhook notifications. A process instance started while webhook subscriptions existed
 * (`input.notify` lists the events they want) starts one `waymark.notify` child workflow per
 * event — run completed, run failed, incident created — with parent-close policy ABANDON: the
 * instance only waits until the child has started, so its own completion is never delayed by
 * a slow receiver. The child looks up the subscriptions and delivers to each as its own
 * activity, retried with backoff for 25 hours (≥ 24 h), each with a stable delivery id.
 *
 * Why a flag at start and not "always call an activity at the end": an instance started
 * without subscriptions pays nothing in history, and histories recorded before webhooks
 * existed (no flag) replay unchanged. The price: a subscription applies to instances started
 * after it was created.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  CancellationScope,
  log,
  metricMeter,
  ParentClosePolicy,
  proxyActivities,
  startChild,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type {
  DeliveryOutcome,
  WebhookDelivery,
  WebhookEventName,
} from '../activities/webhook-delivery';
import { INTERNAL_ACTIVITIES } from '../src/model/task-types';
import { NOTIFY_WORKFLOW_TYPE, type NotifyWorkflowInput } from './messages';

const { webhookSubscriptions, deliverWebhook } = INTERNAL_ACTIVITIES;

const lookup = proxyActivities<{
  [webhookSubscriptions]: (event: WebhookEventName) => Promise<{ id: string }[]>;
}>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumAttempts: 20 },
});

const deliveries = proxyActivities<{
  [deliverWebhook]: (delivery: WebhookDelivery) => Promise<DeliveryOutcome>;
}>({
  startToCloseTimeout: '30 seconds',
  // At least 24 h of retries; short first intervals so a receiver that hiccups gets it soon.
  scheduleToCloseTimeout: '25 hours',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** Counter `waymark_notify_start_failures` (by event) in the worker's Temporal metrics. */
const notifyStartFailures = () =>
  metricMeter.createCounter(
    'waymark_notify_start_failures',
    '1',
    'Webhook notification children that could not be started',
  );

/** The `waymark.notify` workflow: delivers one event to every subscription that wants it. */
export async function runNotify(
  input: NotifyWorkflowInput,
): Promise<{ deliveries: { subscriptionId: string; deliveryId: string; outcome: string }[] }> {
  const subscriptions = await lookup[webhookSubscriptions](input.event);
  const planned = subscriptions.map((s) => ({ subscriptionId: s.id, deliveryId: uuid4() }));
  const results = await Promise.allSettled(
    planned.map(({ subscriptionId, deliveryId }) =>
      deliveries[deliverWebhook]({
        subscriptionId,
        deliveryId,
        event: input.event,
        body: {
          id: deliveryId,
          event: input.event,
          occurredAt: input.occurredAt,
          data: input.data,
        },
      }),
    ),
  );
  return {
    deliveries: planned.map((p, i) => {
      const r = results[i];
      return {
        ...p,
        outcome: r.status === 'fulfilled' ? String(r.value.status) : 'gave up',
      };
    }),
  };
}

/**
 * Starts the notify child for `event` under a deterministic id (`<workflowId>/notify/<key>`);
 * resolves once it has started. Never cancelled with the instance, never fails it.
 */
export async function startNotify(
  key: string,
  event: WebhookEventName,
  data: Record<string, unknown>,
): Promise<void> {
  const info = workflowInfo();
  const input: NotifyWorkflowInput = {
    kind: 'notify',
    event,
    occurredAt: new Date(Date.now()).toISOString(),
    data,
  };
  await CancellationScope.nonCancellable(async () => {
    try {
      await startChild<(i: NotifyWorkflowInput) => Promise<unknown>>(NOTIFY_WORKFLOW_TYPE, {
        workflowId: `${info.workflowId}/notify/${key}`,
        args: [input],
        taskQueue: info.taskQueue,
        parentClosePolicy: ParentClosePolicy.ABANDON,
        staticSummary: `${event} · ${info.workflowId}`,
      });
    } catch (err) {
      // A notification never fails the instance. Already started (same key) is expected;
      // anything else is said: a warning in the worker log and a counter.
      if (err instanceof WorkflowExecutionAlreadyStartedError) return;
      const reason = err instanceof Error ? err.message : String(err);
      log.error('webhook notification could not start', { event, key, reason });
      notifyStartFailures().add(1, { event });
    }
  });
}
