/**
 * The history of one benchmarked instance, read back from Temporal: events by type (following
 * continue-as-new), workflow tasks, and the medians of the worker's and the server's turn in a
 * workflow task.
 */
import type { Client } from '@temporalio/client';
import type { Started } from './harness';
import { median } from './measure';

export interface HistoryFigures {
  runs: number;
  events: number;
  byType: Record<string, number>;
  workflowTasks: number;
  /** Median ms between WorkflowTaskStarted and WorkflowTaskCompleted (the worker's turn). */
  wftStartToCompleteMs: number;
  /** Median ms between WorkflowTaskScheduled and WorkflowTaskStarted (the server's turn). */
  wftScheduleToStartMs: number;
}

type Timestamp = { seconds?: unknown; nanos?: number | null } | null | undefined;
const ms = (t: Timestamp): number =>
  t ? Number(t.seconds ?? 0) * 1000 + (t.nanos ?? 0) / 1e6 : NaN;

interface HistoryEvent {
  eventTime?: Timestamp;
  workflowExecutionContinuedAsNewEventAttributes?: { newExecutionRunId?: string | null } | null;
  [key: string]: unknown;
}

/** Reads the history of an execution, following continue-as-new to the last run. */
export async function historyFigures(client: Client, s: Started): Promise<HistoryFigures> {
  const byType: Record<string, number> = {};
  const startToComplete: number[] = [];
  const scheduleToStart: number[] = [];
  let events = 0;
  let runs = 0;
  let runId: string | undefined = s.runId;
  while (runId) {
    runs++;
    const history: { events?: unknown[] | null } = await client.workflow
      .getHandle(s.workflowId, runId)
      .fetchHistory();
    const list = (history.events ?? []) as HistoryEvent[];
    runId = undefined;
    let scheduled = NaN;
    let started = NaN;
    for (const e of list) {
      events++;
      const type = eventTypeName(e);
      byType[type] = (byType[type] ?? 0) + 1;
      if (type === 'WorkflowTaskScheduled') scheduled = ms(e.eventTime);
      if (type === 'WorkflowTaskStarted') {
        started = ms(e.eventTime);
        scheduleToStart.push(started - scheduled);
      }
      if (type === 'WorkflowTaskCompleted') startToComplete.push(ms(e.eventTime) - started);
      const next = e.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
      if (next) runId = next;
    }
  }
  return {
    runs,
    events,
    byType,
    workflowTasks: byType.WorkflowTaskCompleted ?? 0,
    wftStartToCompleteMs: median(startToComplete),
    wftScheduleToStartMs: median(scheduleToStart),
  };
}

/** The event's type from the attributes it carries: `workflowTaskStartedEventAttributes` → `WorkflowTaskStarted`. */
function eventTypeName(e: HistoryEvent): string {
  for (const [k, v] of Object.entries(e)) {
    if (v && k.endsWith('EventAttributes'))
      return k[0].toUpperCase() + k.slice(1, -'EventAttributes'.length);
  }
  return `Unknown(${String(e.eventType)})`;
}
