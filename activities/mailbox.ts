/**
 * The activities that connect a process instance to mailboxes (issue 15): registering a keyed
 * message subscription (a local activity: the mailbox may not run yet, so it is signal-with-
 * start, which a workflow cannot do itself) and publishing a message from a message throw or
 * end event. Both use the worker's client and queue.
 */
import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { addDuration, parseDuration } from '../src/engine/timers';
import type { TaskInput } from './task-input';
import { publishToMailbox, subscribeToMailbox } from '../src/temporal/mailbox-client';
import type { MailboxSubscriber, StartFromMailboxInput } from '../workflows/mailbox/contract';

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

/** A task header's time to live: ms or an ISO 8601 duration; absent: 0 (not buffered). */
function timeToLiveOf(header: string | undefined): number {
  if (header === undefined || header.trim() === '') return 0;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const d = parseDuration(header.trim());
  if (!d)
    throw ApplicationFailure.nonRetryable(
      `timeToLive header '${header}' is neither ms nor an ISO duration`,
    );
  return addDuration(0, d);
}

/**
 * A message throw/end event or send task without a task type (src/model/bpmn/build-message-
 * throw.ts): publishes `messageName` with the rendered `correlationKey` header and the
 * element's inputs as variables, like `POST /messages/publication` does for subscriptions
 * and starts instances at matching message start events (`starts`: the worker's registry).
 */
/** Starts instances at the message start events a publication matches (the registry's part). */
export type MessageStarts = (
  client: Client,
  message: {
    name: string;
    correlationKey?: string;
    variables: Record<string, unknown>;
    /** Makes the starts idempotent (a retried activity starts nothing twice). */
    startKey?: string;
    /** The publication: the started instance remembers it (`startedByMessage`). */
    messageKey?: string;
    /** Start this definition only. */
    definitionKey?: string;
  },
) => Promise<unknown[]>;

export function createPublishMessage(starts?: MessageStarts) {
  return (input: TaskInput) => publishMessage(input, starts);
}

async function publishMessage(input: TaskInput, starts?: MessageStarts): Promise<null> {
  const ctx = Context.current();
  const { messageName, correlationKey, timeToLive, messageId } = input.headers;
  if (!messageName) throw ApplicationFailure.nonRetryable('the message has no name');
  const result = await publishToMailbox(
    ctx.client,
    { name: messageName, correlationKey: correlationKey ?? '', taskQueue: ctx.info.taskQueue },
    {
      // One key per element execution: a receiver takes a retried publication once.
      messageKey: input.flowElementInstanceId,
      variables: input.variables,
      timeToLive: timeToLiveOf(timeToLive),
      ...(messageId ? { messageId } : {}),
    },
  );
  if (result.duplicateOf !== undefined)
    ctx.log.info('message already published', { messageKey: result.duplicateOf });
  // Idempotent per thrower run and element instance: a retry starts nothing the first attempt
  // started, and starts what it did not get to.
  await starts?.(ctx.client, {
    name: messageName,
    variables: input.variables,
    startKey: `${ctx.info.workflowExecution?.runId ?? ''}/${input.flowElementInstanceId}`,
    messageKey: input.flowElementInstanceId,
    ...(correlationKey ? { correlationKey } : {}),
  });
  return null;
}

/**
 * A buffered publication starts the next instance of `definitionKey` once the run that held
 * its correlation key has closed (workflows/mailbox/index.ts): true when it started one, false
 * when another instance holds the key again. Idempotent per message: a retry answers with the
 * instance the first attempt started.
 */
export function createStartFromMailbox(starts?: MessageStarts) {
  return async (input: StartFromMailboxInput): Promise<boolean> => {
    if (!starts) return false;
    const { client } = Context.current();
    const { workflowId, runId } = input.released;
    // Failed or cancelled, the holder is closed all the same.
    await client.workflow
      .getHandle(workflowId, runId)
      .result()
      .catch(() => undefined);
    const started = await starts(client, {
      name: input.name,
      correlationKey: input.correlationKey,
      variables: input.variables,
      messageKey: input.messageKey,
      definitionKey: input.definitionKey,
      startKey: `mailbox:${input.messageKey}`,
    });
    return started.length > 0;
  };
}
