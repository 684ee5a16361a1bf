/**
 * A process instance's side of the mailboxes (revision 4, workflows/mailbox): after every step
 * it registers each new message subscription that has a correlation key with the mailbox of
 * its (name, key) and withdraws the ones that closed. A delivery from a mailbox is dispatched
 * as a message when a subscription of the instance still waits for it; otherwise it is handed
 * back, so the mailbox can give a buffered message to another instance. A delivered
 * subscription counts as withdrawn (the mailbox dropped it); if it stays open (a non-
 * interrupting boundary or event subprocess start), the next step registers it again.
 */
import {
  getExternalWorkflowHandle,
  proxyLocalActivities,
  workflowInfo,
} from '@temporalio/workflow';
import type { EngineState, MessageSubscription } from '../../src/engine/types';
import { INTERNAL_ACTIVITIES } from '../../src/model/task-types';
import type { MailboxSubscribeInput } from '../../activities/mailbox';
import {
  mailboxId,
  mailboxUnclaimedSignal,
  mailboxUnsubscribeSignal,
  type MailboxDelivery,
} from '../mailbox/contract';

const activities = proxyLocalActivities<
  Record<string, (input: MailboxSubscribeInput) => Promise<void>>
>({ startToCloseTimeout: '30 seconds', retry: { maximumInterval: '10 seconds' } });

const subscriptionIdOf = (s: MessageSubscription): string => `${s.feiId}|${s.elementId}`;

export class MailboxLink {
  /** subscriptionId → mailbox workflow id, as registered. */
  private readonly registered = new Map<string, string>();
  private readonly instanceId = workflowInfo().workflowId;

  /** Registers new keyed subscriptions, withdraws closed ones. */
  sync(state: EngineState): void {
    const open = new Map<string, MessageSubscription>();
    for (const s of state.subscriptions)
      if (s.correlationKey !== undefined) open.set(subscriptionIdOf(s), s);
    for (const [id, s] of open) {
      if (this.registered.has(id)) continue;
      const correlationKey = s.correlationKey as string;
      this.registered.set(id, mailboxId(s.name, correlationKey));
      void activities[INTERNAL_ACTIVITIES.mailboxSubscribe]({
        name: s.name,
        correlationKey,
        subscriber: { instanceId: this.instanceId, subscriptionId: id, elementId: s.elementId },
      });
    }
    for (const [id, mailbox] of this.registered) {
      if (open.has(id)) continue;
      this.registered.delete(id);
      void getExternalWorkflowHandle(mailbox)
        .signal(mailboxUnsubscribeSignal, { instanceId: this.instanceId, subscriptionId: id })
        .catch(() => undefined); // the mailbox ended: nothing to withdraw
    }
  }

  /**
   * Takes a delivery: true when a subscription of the instance waits for it (dispatch it as a
   * message), false when it was handed back.
   */
  receive(state: EngineState, d: MailboxDelivery): boolean {
    this.registered.delete(d.subscriptionId);
    const waits = state.subscriptions.some(
      (s) => s.name === d.name && (s.correlationKey ?? d.correlationKey) === d.correlationKey,
    );
    if (!waits)
      void getExternalWorkflowHandle(d.mailboxId)
        .signal(mailboxUnclaimedSignal, {
          instanceId: this.instanceId,
          subscriptionId: d.subscriptionId,
          messageKey: d.messageKey,
        })
        .catch(() => undefined);
    return waits;
  }
}
