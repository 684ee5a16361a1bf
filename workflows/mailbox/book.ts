/**
 * The mailbox's bookkeeping, deterministic and free of Temporal (the workflow in index.ts
 * carries out the deliveries it returns). Rules (Camunda 8's, README "Messages"):
 * - a publication reaches every instance with an open subscription, the first subscription
 *   of each instance, once; a delivered subscription leaves the book until its instance
 *   registers it again (a non-interrupting one does), so one delivery is in flight per
 *   subscription;
 * - with a time to live it stays buffered until it expires and reaches instances that
 *   subscribe later, each once; a `messageId` of a live buffered publication is refused;
 * - a correlation reaches the first subscription only and is never buffered;
 * - a publication starts each definition with a matching message start event once: when an
 *   instance holding its correlation key ends, the oldest buffered one that has not started
 *   that definition starts the next (`takeForStart`);
 * - a delivery an instance hands back (its subscription had closed) counts as not reached: a
 *   later subscription of that instance (or one that has not had it) gets it while it is buffered.
 */
import type {
  BufferedPublication,
  MailboxState,
  MailboxSubscriber,
  Publication,
  PublishResult,
  Reached,
} from './contract';
import type { Variables } from '../../src/engine/types';

/** One message to send to one subscriber. */
export interface Delivery {
  to: MailboxSubscriber;
  messageKey: string;
  variables: Variables;
}

function markStarted(message: BufferedPublication, definitionKey: string): void {
  message.startedFor = [...(message.startedFor ?? []), definitionKey];
}

const reachedOf = (s: MailboxSubscriber): Reached => ({
  instanceId: s.instanceId,
  elementId: s.elementId,
});

export class MailboxBook {
  constructor(readonly state: MailboxState) {}

  /** Nothing waits and nothing is buffered: the mailbox may end. */
  idle(): boolean {
    return this.state.subscribers.length === 0 && this.state.messages.length === 0;
  }

  /** When the next buffered publication expires (epoch ms), if any is buffered. */
  nextExpiry(): number | undefined {
    const times = this.state.messages.map((m) => m.expiresAt);
    return times.length > 0 ? Math.min(...times) : undefined;
  }

  expire(now: number): void {
    this.state.messages = this.state.messages.filter((m) => m.expiresAt > now);
  }

  /** Registers a subscription (again: no-op) and hands it the oldest live message it has not had. */
  subscribe(sub: MailboxSubscriber, now: number): Delivery[] {
    this.expire(now);
    const known = this.state.subscribers.some(
      (s) => s.instanceId === sub.instanceId && s.subscriptionId === sub.subscriptionId,
    );
    if (known) return [];
    const message = this.state.messages.find((m) => !m.deliveredTo.includes(sub.instanceId));
    if (!message) {
      this.state.subscribers.push(sub);
      return [];
    }
    message.deliveredTo.push(sub.instanceId);
    return [{ to: sub, messageKey: message.messageKey, variables: message.variables }];
  }

  unsubscribe(instanceId: string, subscriptionId: string): void {
    this.state.subscribers = this.state.subscribers.filter(
      (s) => s.instanceId !== instanceId || s.subscriptionId !== subscriptionId,
    );
  }

  /** Drops every subscription of an instance that is gone. */
  forget(instanceId: string): void {
    this.state.subscribers = this.state.subscribers.filter((s) => s.instanceId !== instanceId);
  }

  publish(p: Publication, now: number): { result: PublishResult; deliveries: Delivery[] } {
    this.expire(now);
    const duplicate =
      p.messageId !== undefined
        ? this.state.messages.find((m) => m.messageId === p.messageId)
        : undefined;
    if (duplicate)
      return {
        result: {
          messageKey: p.messageKey,
          duplicateOf: duplicate.messageKey,
          reached: [],
          buffered: false,
        },
        deliveries: [],
      };
    const targets = this.firstOfEachInstance();
    for (const t of targets) this.unsubscribe(t.instanceId, t.subscriptionId);
    const buffered = p.timeToLive > 0;
    if (buffered) {
      const kept: BufferedPublication = {
        messageKey: p.messageKey,
        variables: p.variables,
        expiresAt: now + p.timeToLive,
        deliveredTo: targets.map((t) => t.instanceId),
        ...(p.messageId !== undefined ? { messageId: p.messageId } : {}),
      };
      this.state.messages.push(kept);
    }
    const deliveries = targets.map((to) => ({
      to,
      messageKey: p.messageKey,
      variables: p.variables,
    }));
    return {
      result: { messageKey: p.messageKey, reached: targets.map(reachedOf), buffered },
      deliveries,
    };
  }

  /** The first subscriber only; nothing buffered. */
  correlate(
    messageKey: string,
    variables: Variables,
  ): { reached: Reached | null; deliveries: Delivery[] } {
    const [first] = this.state.subscribers;
    if (!first) return { reached: null, deliveries: [] };
    this.unsubscribe(first.instanceId, first.subscriptionId);
    return { reached: reachedOf(first), deliveries: [{ to: first, messageKey, variables }] };
  }

  /**
   * An instance handed a delivery back: a buffered publication counts it as not reached and
   * goes to the next instance waiting that has not had it; one that was not buffered is dropped.
   */
  unclaimed(messageKey: string, instanceId: string, now: number): Delivery[] {
    this.expire(now);
    const message = this.state.messages.find((m) => m.messageKey === messageKey);
    if (!message) return [];
    message.deliveredTo = message.deliveredTo.filter((i) => i !== instanceId);
    const next = this.state.subscribers.find((s) => !message.deliveredTo.includes(s.instanceId));
    if (!next) return [];
    this.unsubscribe(next.instanceId, next.subscriptionId);
    message.deliveredTo.push(next.instanceId);
    return [{ to: next, messageKey, variables: message.variables }];
  }

  /**
   * An instance holding the correlation key for `definitionKey` ended: the oldest live
   * publication that has not started that definition yet (the ended instance's own, `startedBy`,
   * counts as started) is taken to start the next instance, as Camunda 8 does.
   */
  takeForStart(definitionKey: string, startedBy: string | undefined, now: number) {
    this.expire(now);
    const own = this.state.messages.find((m) => m.messageKey === startedBy);
    if (own) markStarted(own, definitionKey);
    const next = this.state.messages.find((m) => !(m.startedFor ?? []).includes(definitionKey));
    if (next) markStarted(next, definitionKey);
    return next;
  }

  /** The start did not happen (another instance holds the key again): the message may start later. */
  startRefused(messageKey: string, definitionKey: string): void {
    const message = this.state.messages.find((m) => m.messageKey === messageKey);
    if (message) message.startedFor = message.startedFor?.filter((d) => d !== definitionKey);
  }

  private firstOfEachInstance(): MailboxSubscriber[] {
    const seen = new Set<string>();
    return this.state.subscribers.filter((s) => !seen.has(s.instanceId) && seen.add(s.instanceId));
  }
}
