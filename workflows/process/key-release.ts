/**
 * Revision 7: an instance that holds a correlation key for its definition's message start
 * events — its business key, which is also its workflow id's suffix, so no second instance
 * starts for that key while it runs — tells the key's mailboxes when it ends, completed,
 * failed or cancelled. A publication buffered there meanwhile then starts the next instance,
 * as Camunda 8 does (workflows/mailbox). A mailbox that does not exist has nothing buffered:
 * that signal fails, and nothing is lost. An instance terminated from outside sends nothing.
 */
import { getExternalWorkflowHandle, workflowInfo } from '@temporalio/workflow';
import { mailboxId, mailboxKeyReleasedSignal } from '../mailbox/contract';
import type { ProcessWorkflowInput } from '../messages';
import { releasesMessageKey } from './revisions';

/** The message names of the definition's message start events. */
function messageStartNames(input: ProcessWorkflowInput): string[] {
  const names = (input.ir.startEvents ?? []).flatMap((s) =>
    s.kind === 'message' ? [s.message.name] : [],
  );
  return [...new Set(names)];
}

/** Whether this run tells mailboxes when it ends (older runs and key-less ones await nothing). */
export function holdsMessageKey(input: ProcessWorkflowInput): boolean {
  return (
    releasesMessageKey(input) &&
    input.businessKey !== undefined &&
    messageStartNames(input).length > 0
  );
}

export async function releaseMessageKey(input: ProcessWorkflowInput): Promise<void> {
  const businessKey = input.businessKey ?? '';
  const names = messageStartNames(input);
  const { workflowId, runId } = workflowInfo();
  const released = {
    definitionKey: input.definition.key,
    workflowId,
    runId,
    ...(input.startedByMessage !== undefined ? { startedBy: input.startedByMessage } : {}),
  };
  await Promise.all(
    names.map((name) =>
      getExternalWorkflowHandle(mailboxId(name, businessKey))
        .signal(mailboxKeyReleasedSignal, released)
        .catch(() => undefined),
    ),
  );
}
