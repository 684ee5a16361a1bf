/**
 * Reads from a workflow's history which task queue each activity was scheduled on, so tests
 * can show where a service task's work went (job workers by convention).
 */
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

/** `[activityType, taskQueue]` for every activity scheduled by the workflow's latest run. */
export async function scheduledActivities(workflowId: string): Promise<[string, string][]> {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  try {
    const history = await new Client({ connection }).workflow.getHandle(workflowId).fetchHistory();
    const { events } = JSON.parse(historyToJSON(history)) as {
      events: {
        activityTaskScheduledEventAttributes?: {
          activityType?: { name?: string };
          taskQueue?: { name?: string };
        };
      }[];
    };
    return events.flatMap((e) => {
      const a = e.activityTaskScheduledEventAttributes;
      return a ? [[a.activityType?.name ?? '', a.taskQueue?.name ?? '']] : [];
    });
  } finally {
    await connection.close();
  }
}
