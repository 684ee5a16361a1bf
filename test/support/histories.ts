/**
 * Replay safety for end-to-end tests: collects the workflow ids a test file ran, fetches their
 * histories from the real server and replays them with the current workflow code
 * (Worker.runReplayHistories), so a change to the interpreter that would break running
 * instances fails the suite. With WAYMARK_RECORD_HISTORIES=1 the histories are also written to
 * test/fixtures/histories/ (`{workflowId, history}`, never over an existing file), where
 * test/workflows/replay.test.ts replays them on every run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { bundleWorkflows } from '../../src/worker/create-worker';
import { deployFixture, fixturesDir, startInstance } from './api';

export const historiesDir = path.join(fixturesDir, 'histories');

/** Collects instances as a test file runs them. */
export class ReplayCheck {
  private readonly ids = new Map<string, string>();

  /** Remembers an instance (and, when recording, the file name to save its history under). */
  add(workflowId: string, name = workflowId.replace(/[^A-Za-z0-9_-]+/g, '_')): void {
    this.ids.set(workflowId, name);
  }

  /** Deploys a BPMN fixture, starts it and remembers the instance (history saved as `name`). */
  async runFixture(
    fixture: string,
    variables: Record<string, unknown> = {},
    name = fixture,
  ): Promise<string> {
    await deployFixture(fixture);
    const id = await startInstance(fixture, { variables });
    this.add(id, name);
    return id;
  }

  /** Replays every collected history with the current code; returns the failures. */
  async replayAll(): Promise<string[]> {
    if (this.ids.size === 0) return [];
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    try {
      const client = new Client({ connection });
      const histories = [];
      for (const [workflowId, name] of this.ids) {
        const history = await client.workflow.getHandle(workflowId).fetchHistory();
        histories.push({ workflowId, history });
        if (process.env.WAYMARK_RECORD_HISTORIES === '1') record(workflowId, name, history);
      }
      const failures: string[] = [];
      const bundle = await sharedBundle();
      for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, histories)) {
        if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
      }
      return failures;
    } finally {
      await connection.close();
    }
  }
}

/**
 * Writes a history to test/fixtures/histories/, named after the test's name and the driver
 * revision the instance started under (`<name>.json` for revision 1, `<name>.revision-N.json`
 * after). An existing file is never overwritten: it pins how instances started under its
 * revision run on, which must keep working. Delete it first to re-record on purpose.
 */
function record(workflowId: string, name: string, history: unknown): void {
  const json = JSON.parse(historyToJSON(history as never)) as RecordedHistory;
  const revision = startRevision(json);
  const file = path.join(
    historiesDir,
    `${name}${revision > 1 ? `.revision-${revision}` : ''}.json`,
  );
  if (fs.existsSync(file)) return;
  fs.mkdirSync(historiesDir, { recursive: true });
  // The workflow id is part of every flowElementInstanceId: replay must use the real one.
  fs.writeFileSync(file, JSON.stringify({ workflowId, history: json }));
}

interface RecordedHistory {
  events?: {
    workflowExecutionStartedEventAttributes?: { input?: { payloads?: { data?: string }[] } };
  }[];
}

/** The `revision` in a process's start input (1 when absent or not a process). */
function startRevision(history: RecordedHistory): number {
  const data =
    history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0]?.data;
  if (!data) return 1;
  try {
    const input = JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as {
      revision?: unknown;
    };
    return typeof input.revision === 'number' ? input.revision : 1;
  } catch {
    return 1;
  }
}

/**
 * The event types of every run of a workflow (`WORKFLOW_EXECUTION_STARTED`, …), oldest run
 * first: the continue-as-new chain is followed back from the latest run.
 */
export async function historyChain(workflowId: string): Promise<string[][]> {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  try {
    const client = new Client({ connection });
    const runs: string[][] = [];
    let runId: string | undefined;
    do {
      const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
      const { events } = JSON.parse(historyToJSON(history)) as {
        events: {
          eventType: string;
          workflowExecutionStartedEventAttributes?: { continuedExecutionRunId?: string };
        }[];
      };
      runs.unshift(events.map((e) => e.eventType.replace(/^EVENT_TYPE_/, '')));
      runId =
        events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
    } while (runId);
    return runs;
  } finally {
    await connection.close();
  }
}

let bundle: ReturnType<typeof bundleWorkflows> | undefined;
let quiet = false;
/** One workflow bundle per test file. */
export function sharedBundle(): ReturnType<typeof bundleWorkflows> {
  if (!quiet) {
    // Replay workers log every state change at INFO; keep test output for what matters.
    Runtime.install({ logger: new DefaultLogger('WARN') });
    quiet = true;
  }
  bundle ??= bundleWorkflows();
  return bundle;
}
