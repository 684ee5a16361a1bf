/**
 * Waymark's own workflows must not get stuck either: after the load, the history of every
 * workflow still running in the suite's namespace (mailboxes keep buffered messages for their
 * time to live, for instance) is read, and one whose latest workflow task failed — a
 * nondeterminism error on replay after a worker restart, say — is named with the failure.
 * (The server does not always show such a task as pending, so the history decides.)
 */
import { Client, Connection } from '@temporalio/client';

/** `<workflow id> (<type>): <failure>` for each running workflow whose last workflow task failed. */
export async function failingWorkflows(address: string): Promise<string[]> {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection });
    const found: string[] = [];
    for await (const wf of client.workflow.list({ query: "ExecutionStatus='Running'" })) {
      const history = await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
      let failure: string | undefined;
      for (const event of history.events ?? []) {
        if (event.workflowTaskCompletedEventAttributes) failure = undefined;
        const failed = event.workflowTaskFailedEventAttributes;
        if (failed) failure = failed.failure?.message ?? 'workflow task failed';
      }
      if (failure) found.push(`${wf.workflowId} (${wf.type}): ${failure}`);
    }
    return found;
  } finally {
    await connection.close();
  }
}
