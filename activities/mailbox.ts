/**
 * The activities that connect a process instance to mailboxes (issue 15): registering a keyed
 * message subscription (a local activity: the mailbox may not run yet, so it is signal-with-
 * start, which a workflow cannot do itself) and publishing a message from a message throw or
 * end event. Both use the worker's client and queue.
 */
import { Context } from '@temporalio/activity';
import { randomUUID } from 'node:crypto';
import type { Variables } from '../src/engine/types';
import { publishToMailbox, subscribeToMailbox } from '../src/temporal/mailbox-client';
import type { MailboxSubscriber, PublishResult } from '../workflows/mailbox/contract';

export interface MailboxSubscribeInput {
  name: string;
  correlationKey: string;
  subscriber: MailboxSubscriber;
}

export async function mailboxSubscribe(input: MailboxSubscribeInput): Promise<void> {
  const ctx = Context.current();
  await subscribeToMailbox(
    ctx.client,
    { name: input.name, correlationKey: input.correlationKey, taskQueue: ctx.info.taskQueue },
    input.subscriber,
  );
}

export interface PublishMessageInput {
  name: string;
  correlationKey: string;
  variables: Variables;
  timeToLive: number;
  messageId?: string;
}

export async function publishMessage(input: PublishMessageInput): Promise<PublishResult> {
  const ctx = Context.current();
  return publishToMailbox(
    ctx.client,
    { name: input.name, correlationKey: input.correlationKey, taskQueue: ctx.info.taskQueue },
    {
      messageKey: randomUUID(),
      variables: input.variables,
      timeToLive: input.timeToLive,
      ...(input.messageId !== undefined ? { messageId: input.messageId } : {}),
    },
  );
}
