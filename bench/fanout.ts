/**
 * The multi-instance scenarios (`mi-100`, `mi-10000`): a parallel multi-instance of N noop
 * service tasks (arm B, `models.multiInstanceModel`) against the hand-written fan-out with the
 * same window of activities in flight (arm A, `handFanout`). Each arm runs one instance on a
 * freshly started worker; reported: total time, history events per item and per run (the
 * largest run is what Temporal's 51,200-event limit applies to), continue-as-new count, worker
 * CPU per item and worker RSS over the run (flat memory: the second half's peak is not above
 * the first's).
 */
import type { Client } from '@temporalio/client';
import { PARALLEL_WINDOW } from '../src/engine/loop-body';
import type { BenchEnv, Started } from './harness';
import { historyFigures } from './history';
import * as models from './models';
import { sampledRun } from './sampled-run';

export interface FanoutScenario {
  kind: 'fanout';
  name: string;
  title: string;
  items: number;
}

export interface FanoutArm {
  arm: 'A' | 'B';
  totalSeconds: number;
  runs: number;
  events: number;
  maxRunEvents: number;
  eventsPerItem: number;
  workerCpuMsPerItem: number;
  rssMb: { firstHalfMax: number; secondHalfMax: number; last: number };
}

export interface FanoutResult {
  kind: 'fanout';
  name: string;
  title: string;
  items: number;
  window: number;
  arms: FanoutArm[];
}

interface HistoryEvent {
  workflowExecutionContinuedAsNewEventAttributes?: { newExecutionRunId?: string | null } | null;
}

/** Events of the largest run of a continue-as-new chain. */
async function maxRunEvents(client: Client, s: Started): Promise<number> {
  let max = 0;
  let runId: string | undefined = s.runId;
  while (runId) {
    const h: { events?: HistoryEvent[] | null } = await client.workflow
      .getHandle(s.workflowId, runId)
      .fetchHistory();
    const events: HistoryEvent[] = h.events ?? [];
    max = Math.max(max, events.length);
    runId = undefined;
    for (const e of events) {
      const next: string | null | undefined =
        e.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
      if (next) runId = next;
    }
  }
  return max;
}

export async function runFanout(
  env: BenchEnv,
  sc: FanoutScenario,
  progress: (line: string) => void,
): Promise<FanoutResult> {
  const deployed = await env.deploy(models.multiInstanceModel());
  const arms = [
    {
      arm: 'A' as const,
      start: () => env.startHand('handFanout', [sc.items, PARALLEL_WINDOW]),
    },
    { arm: 'B' as const, start: () => env.startBpmn(deployed, { n: sc.items }) },
  ];
  const out: FanoutArm[] = [];
  for (const a of arms) {
    const r = await sampledRun(env, `${sc.name}: arm ${a.arm}`, a.start, progress);
    const history = await historyFigures(env.client, r.started);
    out.push({
      arm: a.arm,
      totalSeconds: r.totalSeconds,
      runs: history.runs,
      events: history.events,
      maxRunEvents: await maxRunEvents(env.client, r.started),
      eventsPerItem: history.events / sc.items,
      workerCpuMsPerItem: r.cpuUs / 1000 / sc.items,
      rssMb: r.rssMb,
    });
  }
  return { ...sc, window: PARALLEL_WINDOW, arms: out };
}

/** The scenario's table for RESULTS.md. */
export function fanoutMd(r: FanoutResult, f: (n: number, d?: number) => string): string {
  const header = [
    'arm',
    'total s',
    'runs',
    'events',
    'largest run (events)',
    'events/item',
    'worker CPU ms/item',
    'RSS MB 1st half / 2nd half / last',
  ];
  const rows = r.arms.map((a) => [
    a.arm,
    f(a.totalSeconds),
    String(a.runs),
    String(a.events),
    String(a.maxRunEvents),
    f(a.eventsPerItem, 2),
    f(a.workerCpuMsPerItem, 3),
    `${f(a.rssMb.firstHalfMax, 0)} / ${f(a.rssMb.secondHalfMax, 0)} / ${f(a.rssMb.last, 0)}`,
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    `${r.items} items, at most ${r.window} in flight (both arms).`,
    '',
    line(header),
    line(header.map(() => '---')),
    ...rows.map(line),
    '',
  ].join('\n');
}
