/**
 * The mailbox workflow's contract (issue 15): one mailbox per (message name, correlation key)
 * holds the instances waiting for that message and the publications buffered for their time
 * to live. The API and the publish activity reach it with update-with-start, instances with
 * the subscribe activity (signal-with-start) and plain signals; the mailbox delivers to an
 * instance with `mailboxDeliverySignal`. The API imports this file and messages.ts only.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Variables } from '../../src/engine/types';

/** The workflow type every mailbox runs under (the dynamic workflow dispatches on `kind`). */
export const MAILBOX_WORKFLOW_TYPE = 'waymark.mailbox';

/** The mailbox of one message name and correlation key: its workflow id. */
export function mailboxId(name: string, correlationKey: string): string {
  return `waymark-mailbox:${encodeURIComponent(name)}:${encodeURIComponent(correlationKey)}`;
}

/** An open subscription of one instance: a catch event, receive task, boundary or event subprocess start. */
export interface MailboxSubscriber {
  instanceId: string;
  /** `<feiId>|<elementId>`: unique within the instance. */
  subscriptionId: string;
  elementId: string;
}

/** A publication buffered until `expiresAt`, with the instances it has reached. */
export interface BufferedPublication {
  messageKey: string;
  messageId?: string;
  variables: Variables;
  expiresAt: number;
  deliveredTo: string[];
  /** Definitions this publication has started an instance of (key-release.ts): once each. */
  startedFor?: string[];
}

export interface MailboxState {
  subscribers: MailboxSubscriber[];
  messages: BufferedPublication[];
}

export interface MailboxWorkflowInput {
  kind: 'mailbox';
  name: string;
  correlationKey: string;
  /** Set on continue-as-new. */
  resume?: MailboxState;
}

export interface Publication {
  messageKey: string;
  messageId?: string;
  variables: Variables;
  /** ms; 0 = not buffered. */
  timeToLive: number;
}

/** Where a publication or correlation went. */
export interface Reached {
  instanceId: string;
  elementId: string;
}

export interface PublishResult {
  messageKey: string;
  /** Set when a live buffered publication already has this `messageId`: nothing was done. */
  duplicateOf?: string;
  reached: Reached[];
  buffered: boolean;
}

export interface CorrelationInput {
  messageKey: string;
  variables: Variables;
}

/** What an instance receives from its mailbox. */
export interface MailboxDelivery {
  name: string;
  correlationKey: string;
  messageKey: string;
  variables: Variables;
  subscriptionId: string;
  mailboxId: string;
}

export interface UnsubscribeInput {
  instanceId: string;
  subscriptionId: string;
}

/** An instance got a delivery its subscription no longer waits for: hand it back. */
export interface UnclaimedInput extends UnsubscribeInput {
  messageKey: string;
}

/**
 * An instance that held this correlation key for its definition's message starts has ended
 * (workflows/process/key-release.ts): a publication buffered meanwhile may start the next one.
 */
export interface KeyReleased {
  definitionKey: string;
  workflowId: string;
  runId: string;
  /** The publication that started the ended instance, if one did: it starts no second. */
  startedBy?: string;
}

/** The `waymark.startFromMailbox` activity's input: start `definitionKey` with a buffered message. */
export interface StartFromMailboxInput {
  name: string;
  correlationKey: string;
  definitionKey: string;
  messageKey: string;
  variables: Variables;
  /** The run that held the key: the start waits for it to close. */
  released: { workflowId: string; runId: string };
}

export const mailboxSubscribeSignal = defineSignal<[MailboxSubscriber]>('mailboxSubscribe');
export const mailboxUnsubscribeSignal = defineSignal<[UnsubscribeInput]>('mailboxUnsubscribe');
export const mailboxUnclaimedSignal = defineSignal<[UnclaimedInput]>('mailboxUnclaimed');
export const mailboxKeyReleasedSignal = defineSignal<[KeyReleased]>('mailboxKeyReleased');
export const mailboxPublishUpdate = defineUpdate<PublishResult, [Publication]>('publish');
export const mailboxCorrelateUpdate = defineUpdate<Reached | null, [CorrelationInput]>('correlate');
export const mailboxQuery = defineQuery<MailboxState>('mailbox');
/** Sent to a process instance: a message for one of its keyed subscriptions. */
export const mailboxDeliverySignal = defineSignal<[MailboxDelivery]>('mailboxDelivery');
