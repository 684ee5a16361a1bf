/**
 * The mailbox's part of keyed message starts (Camunda 8's rule): an instance that held the
 * correlation key for its definition's message start ended (`mailboxKeyReleased`), so the
 * oldest buffered publication not yet started for that definition starts the next instance
 * through the activity `waymark.startFromMailbox`; a refused start (another instance holds the
 * key again) gives the message back for the next release.
 */
import { proxyActivities } from '@temporalio/workflow';
import { INTERNAL_ACTIVITIES } from '../../src/model/task-types';
import { now } from '../lifecycle';
import type { MailboxBook } from './book';
import type { KeyReleased, MailboxWorkflowInput, StartFromMailboxInput } from './contract';

const { [INTERNAL_ACTIVITIES.startFromMailbox]: startFromMailbox } = proxyActivities<
  Record<string, (input: StartFromMailboxInput) => Promise<boolean>>
>({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 5 } });

/** The signal handler; `track` keeps the mailbox open while the start is in flight. */
export function keyReleaser(
  book: MailboxBook,
  input: MailboxWorkflowInput,
  track: (work: Promise<void>) => void,
): (released: KeyReleased) => void {
  return (released) => {
    const message = book.takeForStart(released.definitionKey, released.startedBy, now());
    const { definitionKey, workflowId, runId } = released;
    if (!message) return track(Promise.resolve());
    const refused = () => book.startRefused(message.messageKey, definitionKey);
    track(
      startFromMailbox({
        name: input.name,
        correlationKey: input.correlationKey,
        definitionKey,
        messageKey: message.messageKey,
        variables: message.variables,
        released: { workflowId, runId },
      }).then((ok) => (ok ? undefined : refused()), refused),
    );
  };
}
