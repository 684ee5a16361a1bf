/**
 * Reaching a mailbox workflow (workflows/mailbox) from outside a workflow — the API and
 * Waymark's activities: publish and correlate by update-with-start (the mailbox starts if it
 * is not running and answers in the same call), subscribe by signal-with-start. A mailbox that
 * ended between the start and the update is started again (a few attempts).
 */
import {
  WithStartWorkflowOperation,
  WorkflowUpdateFailedError,
  type Client,
  type WorkflowStartOptions,
} from '@temporalio/client';
import {
  MAILBOX_WORKFLOW_TYPE,
  mailboxCorrelateUpdate,
  mailboxId,
  mailboxPublishUpdate,
  mailboxSubscribeSignal,
  type CorrelationInput,
  type MailboxSubscriber,
  type MailboxWorkflowInput,
  type Publication,
  type PublishResult,
  type Reached,
} from '../../workflows/mailbox/contract';

export interface MailboxAddress {
  name: string;
  correlationKey: string;
  /** The worker queue the mailbox workflows run on. */
  taskQueue: string;
}

const ATTEMPTS = 3;

function startOptions(to: MailboxAddress): WorkflowStartOptions & { args: [MailboxWorkflowInput] } {
  return {
    workflowId: mailboxId(to.name, to.correlationKey),
    taskQueue: to.taskQueue,
    args: [{ kind: 'mailbox', name: to.name, correlationKey: to.correlationKey }],
    staticSummary: `mailbox for message '${to.name}' with key '${to.correlationKey}'`,
  };
}

async function withStart<R, A>(
  client: Client,
  to: MailboxAddress,
  update: typeof mailboxPublishUpdate | typeof mailboxCorrelateUpdate,
  arg: A,
): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    const start = new WithStartWorkflowOperation(MAILBOX_WORKFLOW_TYPE, {
      ...startOptions(to),
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    try {
      return (await client.workflow.executeUpdateWithStart(update as never, {
        args: [arg] as never,
        startWorkflowOperation: start,
      })) as R;
    } catch (err) {
      // The mailbox ended while the update was on its way: start it again.
      if (attempt >= ATTEMPTS || err instanceof WorkflowUpdateFailedError) throw err;
    }
  }
}

export function publishToMailbox(
  client: Client,
  to: MailboxAddress,
  publication: Publication,
): Promise<PublishResult> {
  return withStart(client, to, mailboxPublishUpdate, publication);
}

export function correlateWithMailbox(
  client: Client,
  to: MailboxAddress,
  correlation: CorrelationInput,
): Promise<Reached | null> {
  return withStart(client, to, mailboxCorrelateUpdate, correlation);
}

export async function subscribeToMailbox(
  client: Client,
  to: MailboxAddress,
  subscriber: MailboxSubscriber,
): Promise<void> {
  await client.workflow.signalWithStart(MAILBOX_WORKFLOW_TYPE, {
    ...startOptions(to),
    signal: mailboxSubscribeSignal,
    signalArgs: [subscriber],
  });
}
