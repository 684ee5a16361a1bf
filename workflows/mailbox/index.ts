/**
 * The mailbox workflow of one (message name, correlation key) — issue 15, design in
 * docs/architecture.md "Messages across instances". Its handlers update the book (book.ts)
 * and send the deliveries it returns as signals to the instances; a delivery to an instance
 * that is gone drops that instance's subscriptions and goes to the next one. It sleeps until
 * something changes or the next buffered publication expires, ends once nothing waits and
 * nothing is buffered, and continues as new when its history grows long. When an instance that
 * held its correlation key for a message start ends, a buffered publication starts the next
 * (`waymark.startFromMailbox`).
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  patched,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { now } from '../lifecycle';
import { MailboxBook, type Delivery } from './book';
import { keyReleaser } from './release';
import {
  mailboxCorrelateUpdate,
  mailboxDeliverySignal,
  mailboxId,
  mailboxKeyReleasedSignal,
  mailboxPublishUpdate,
  mailboxQuery,
  mailboxSubscribeSignal,
  mailboxUnclaimedSignal,
  mailboxUnsubscribeSignal,
  type MailboxWorkflowInput,
} from './contract';

/** The `patched()` id of "an update completes before the expiry timer" (a marker per mailbox). */
const HANDLERS_BEFORE_TIMER = 'mailbox-handlers-before-timer';

/** Continue as new after this many history events (well below Temporal's suggestion). */
const HISTORY_EVENTS = 5_000;

export async function runMailbox(input: MailboxWorkflowInput): Promise<void> {
  const book = new MailboxBook(input.resume ?? { subscribers: [], messages: [] });
  const self = mailboxId(input.name, input.correlationKey);
  const inFlight = new Set<Promise<void>>();
  let changes = 0;

  const send = (deliveries: Delivery[]): void => {
    for (const d of deliveries) {
      const sent = getExternalWorkflowHandle(d.to.instanceId)
        .signal(mailboxDeliverySignal, {
          name: input.name,
          correlationKey: input.correlationKey,
          messageKey: d.messageKey,
          variables: d.variables,
          subscriptionId: d.to.subscriptionId,
          mailboxId: self,
        })
        .catch(() => {
          // The instance is gone: forget it and hand a buffered message to the next one.
          book.forget(d.to.instanceId);
          send(book.unclaimed(d.messageKey, d.to.instanceId, now()));
        })
        .finally(() => inFlight.delete(sent));
      inFlight.add(sent);
    }
    changes += 1;
  };

  const release = keyReleaser(book, input, (work) => {
    const tracked = work.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    changes += 1;
  });
  setHandler(mailboxKeyReleasedSignal, release);
  setHandler(mailboxSubscribeSignal, (sub) => send(book.subscribe(sub, now())));
  setHandler(mailboxUnsubscribeSignal, ({ instanceId, subscriptionId }) => {
    book.unsubscribe(instanceId, subscriptionId);
    changes += 1;
  });
  setHandler(mailboxUnclaimedSignal, ({ messageKey, instanceId }) =>
    send(book.unclaimed(messageKey, instanceId, now())),
  );
  setHandler(mailboxPublishUpdate, (p) => {
    const { result, deliveries } = book.publish(p, now());
    send(deliveries);
    return result;
  });
  setHandler(mailboxCorrelateUpdate, ({ messageKey, variables }) => {
    const { reached, deliveries } = book.correlate(messageKey, variables);
    send(deliveries);
    return reached;
  });
  setHandler(mailboxQuery, () => book.state);

  const settled = () => inFlight.size === 0 && book.idle();
  for (;;) {
    if (settled()) {
      await condition(allHandlersFinished);
      if (settled()) return;
    }
    const info = workflowInfo();
    if (info.historyLength >= HISTORY_EVENTS || info.continueAsNewSuggested) {
      await condition(() => inFlight.size === 0 && allHandlersFinished());
      await continueAsNew<typeof runMailbox>({ ...input, resume: book.state });
    }
    // An update's completion must precede the timer below in every execution: when an update
    // is handled in the activation that starts this function (a worker that picked the run up
    // after a crash), it would otherwise come after the timer, and a later replay — which
    // handles it in an activation of its own — fails with a nondeterminism error (fault suite).
    // Mailboxes that ran before this rule (no marker in their history) keep the old order.
    if (patched(HANDLERS_BEFORE_TIMER)) await condition(allHandlersFinished);
    const seen = changes;
    const expiry = book.nextExpiry();
    const woke = () => changes !== seen || settled();
    if (expiry === undefined) await condition(woke);
    else await condition(woke, Math.max(1, expiry - now()));
    book.expire(now());
  }
}
