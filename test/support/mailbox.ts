/**
 * Mailbox checks for end-to-end tests: a keyed subscription registers with its mailbox a
 * moment after the instance reaches its catch event (a local activity), so a test that
 * publishes without a time to live first waits until the mailbox lists the instance.
 */
import { Client, Connection } from '@temporalio/client';
import { mailboxId, mailboxQuery, type MailboxState } from '../../workflows/mailbox/contract';

/** The mailbox's state, or undefined when no mailbox runs for the name and key. */
export async function mailboxState(
  name: string,
  correlationKey: string,
): Promise<MailboxState | undefined> {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  try {
    const handle = new Client({ connection }).workflow.getHandle(mailboxId(name, correlationKey));
    const { status } = await handle.describe();
    if (status.name !== 'RUNNING') return undefined;
    return await handle.query(mailboxQuery);
  } catch {
    return undefined;
  } finally {
    await connection.close();
  }
}

/** Polls until the mailbox of (name, key) lists a subscription of `instanceId`. */
export async function waitSubscribed(
  name: string,
  correlationKey: string,
  instanceId: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = await mailboxState(name, correlationKey);
    if (state?.subscribers.some((s) => s.instanceId === instanceId)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${instanceId} never subscribed to '${name}' / '${correlationKey}'`);
}
