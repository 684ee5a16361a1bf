/**
 * `npx tsx bench/replay-cpu.ts [--n=200] [--rounds=5] [--scenario=seq-10] [--only=B]`: the worker CPU an
 * instance costs, without the server. It records one history per arm on the benchmark's stack
 * (hand-written workflow, arm A; Waymark on the equivalent BPMN, arm B), stops the stack, then
 * replays each history `--n` times per round through `Worker.runReplayHistories` on the
 * benchmark bundle, arms alternating, and prints CPU ms per instance (user + system, all
 * threads of this process) and per workflow task, and B/A. A replay runs the same workflow code
 * over the same activations as a live worker, so this is the part of the worker's cost the
 * workflow code decides — quick and repeatable enough to try a driver change against. It also
 * counts the promises an instance's replay creates.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { buildBundle, BenchEnv, WORK_DIR } from './harness';
import { median } from './measure';
import { scenarios, type PairScenario } from './scenarios';

function arg(name: string, fallback: string): string {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
}

type History = { events?: unknown[] | null };
interface Recorded {
  arm: 'A' | 'B';
  workflowId: string;
  history: History;
  workflowTasks: number;
}

/** One completed instance per arm, with its history. */
async function record(bundleFile: string, scenario: PairScenario): Promise<Recorded[]> {
  const env = await BenchEnv.start({ bundleFile, maxCached: 100 });
  try {
    const deployed = await env.deploy(scenario.xml);
    const out: Recorded[] = [];
    for (const arm of ['A', 'B'] as const) {
      const started =
        arm === 'A'
          ? await env.startHand(scenario.hand.type, scenario.hand.args)
          : await env.startBpmn(deployed, scenario.variables);
      const handle = env.client.workflow.getHandle(started.workflowId, started.runId);
      if (scenario.drive) await scenario.drive(env, started, arm);
      await handle.result();
      const history = (await handle.fetchHistory()) as History;
      const workflowTasks = (history.events ?? []).filter(
        (e) =>
          (e as { workflowTaskCompletedEventAttributes?: unknown })
            .workflowTaskCompletedEventAttributes,
      ).length;
      out.push({ arm, workflowId: started.workflowId, history, workflowTasks });
    }
    return out;
  } finally {
    await env.stop();
  }
}

/** CPU µs of this process (all threads) to replay `history` n times. */
async function replay(bundleFile: string, r: Recorded, n: number): Promise<number> {
  const histories = Array.from({ length: n }, () => ({
    workflowId: r.workflowId,
    history: r.history as never,
  }));
  const before = process.cpuUsage();
  const results = Worker.runReplayHistories(
    {
      workflowBundle: { codePath: bundleFile, sourceMapPath: `${bundleFile}.map` },
    },
    histories,
  );
  for await (const result of results) {
    if (result.error) throw result.error;
  }
  const cpu = process.cpuUsage(before);
  return cpu.user + cpu.system;
}

async function main(): Promise<void> {
  const n = Number(arg('n', '200'));
  const rounds = Number(arg('rounds', '5'));
  const name = arg('scenario', 'seq-10');
  const scenario = scenarios(false).find((s) => s.name === name);
  if (!scenario || scenario.kind !== 'pair') throw new Error(`no pair scenario ${name}`);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const bundleFile = await buildBundle();
  const only = arg('only', 'AB');
  const recorded = (await record(bundleFile, scenario)).filter((r) => only.includes(r.arm));
  fs.writeFileSync(path.join(WORK_DIR, `replay-${name}.json`), JSON.stringify(recorded));
  for (const r of recorded) await replay(bundleFile, r, 20); // warm-up: bundle load, JIT
  const perArm: Record<'A' | 'B', number[]> = { A: [], B: [] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? recorded : [...recorded].reverse();
    for (const r of order) perArm[r.arm].push((await replay(bundleFile, r, n)) / 1000 / n);
  }
  for (const r of recorded) {
    const ms = median(perArm[r.arm]);
    console.log(
      `${r.arm}: ${ms.toFixed(2)} ms CPU per instance (min ${Math.min(...perArm[r.arm]).toFixed(2)}), ${(ms / r.workflowTasks).toFixed(2)} ms per workflow task ` +
        `(${r.workflowTasks} WFTs, ${r.history.events?.length} events; rounds ${perArm[r.arm].map((v) => v.toFixed(2)).join(' ')})`,
    );
  }
  // Promises created per instance (all of them: the SDK's promise hook captures a stack trace
  // for each one made in a workflow context, so their count is a large part of the cost).
  let promises = 0;
  const stop = v8.promiseHooks.onInit(() => void promises++);
  for (const r of recorded) {
    promises = 0;
    await replay(bundleFile, r, 20);
    console.log(`${r.arm}: ${promises / 20} promises per instance`);
  }
  stop();
  if (recorded.length === 2) {
    const ratio = (f: (v: number[]) => number): string => (f(perArm.B) / f(perArm.A)).toFixed(3);
    console.log(`B/A: ${ratio(median)} (medians), ${ratio((v) => Math.min(...v))} (minima)`);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
