/**
 * `npm run bench [-- --quick] [--only=seq-10,timer] [--reps=3] [--cpu-prof]`: interpreted BPMN
 * (Waymark, arm B; B-http when started through the API) against hand-written Temporal
 * workflows (arm A), side by side on the same dev server, worker and bundle. Writes
 * bench/RESULTS.md and bench/results.json; see bench/README.md for what each figure means.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildBundle, BenchEnv, WORK_DIR, type Deployed } from './harness';
import { historyFigures, type HistoryFigures } from './history';
import { ladders, median, medianOf, pct, type Arm, type LadderResult } from './measure';
import { compileBpmn } from '../src/model/bpmn';
import { runFanout } from './fanout';
import * as models from './models';
import { processCpuSeconds } from './proc-cpu';
import { sequentialStarts } from './sequential-starts';
import { sampledRun } from './sampled-run';
import { formatResults } from './extra-sections';
import { writeLocalSection } from './local-section';
import { writeRatioSection } from './ratio-section';
import { runFlowablePeer } from './peer/flowable';
import type { PeerDb } from './peer/flowable-store';
import { writePeerSection } from './peer/peer-section';
import {
  writeReport,
  type ArmResult,
  type BenchResults,
  type ScenarioResult,
  type StartsResult,
} from './report';
import {
  DEFAULT_REFINE,
  scenarios,
  type CacheScenario,
  type LargeScenario,
  type LoopScenario,
  type PairScenario,
} from './scenarios';

interface Options {
  quick: boolean;
  only?: string[];
  reps: number;
  cpuProf: boolean;
  /** `--peer=flowable`: also the Flowable peer arm (bench/peer/); `--peer-only`: only it. */
  peer?: 'flowable';
  peerOnly: boolean;
  peerDbs: PeerDb[];
}

function parseArgs(argv: string[]): Options {
  const get = (name: string): string | undefined =>
    argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const quick = argv.includes('--quick');
  const peerAt = argv.indexOf('--peer');
  const peer = get('peer') ?? (peerAt >= 0 ? argv[peerAt + 1] : undefined);
  if (peer !== undefined && peer !== 'flowable') throw new Error(`--peer: unknown peer '${peer}'`);
  return {
    quick,
    only: get('only')?.split(','),
    reps: Number(get('reps') ?? (quick ? 1 : 3)),
    cpuProf: argv.includes('--cpu-prof'),
    peer,
    peerOnly: argv.includes('--peer-only'),
    peerDbs: (get('peer-db')?.split(',') ?? ['h2', 'postgres']) as PeerDb[],
  };
}

const started = Date.now();
function progress(line: string): void {
  const t = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  const text = `[bench ${t}s] ${line}`;
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`);
  else process.stderr.write(`${text}\n`);
}

async function runPair(env: BenchEnv, sc: PairScenario, opts: Options): Promise<ScenarioResult> {
  const setup = await sc.setup?.(env);
  try {
    return await runPairWith(env, sc, opts, setup?.variables ?? sc.variables, setup?.handArgs);
  } finally {
    await setup?.close();
  }
}

async function runPairWith(
  env: BenchEnv,
  sc: PairScenario,
  opts: Options,
  variables: Record<string, unknown>,
  handArgs = sc.hand.args,
): Promise<ScenarioResult> {
  const deployed = await env.deploy(sc.xml);
  const arms: Arm[] = [
    {
      name: 'A',
      start: () => env.startHand(sc.hand.type, handArgs),
      drive: sc.drive && ((s) => sc.drive!(env, s, 'A')),
    },
    {
      name: 'B',
      start: () => env.startBpmn(deployed, variables),
      drive: sc.drive && ((s) => sc.drive!(env, s, 'B')),
    },
  ];
  if (sc.httpLadder) arms.push({ name: 'B-http', start: () => env.startHttp(deployed, variables) });
  const { localHand } = sc;
  if (localHand)
    arms.push(
      { name: 'A-local', start: () => env.startHand(localHand.type, localHand.args) },
      { name: 'B-local', start: () => env.startBpmn(deployed, variables, 'local') },
    );
  // Warm-up: one instance per arm (JIT, caches, connections) outside the figures.
  for (const arm of arms) {
    progress(`${sc.name}: warm-up ${arm.name}`);
    const s = await arm.start(-1);
    if (arm.drive) await arm.drive(s);
    await env.client.workflow.getHandle(s.workflowId, s.runId).result();
  }
  const ladderOpts = {
    startRate: sc.startRate,
    stepSeconds: opts.quick ? 2 : 5,
    // A ladder that climbs stops at its first rate not kept up with; 6 steps only bound it.
    maxSteps: opts.quick && !sc.ladderInQuick ? 1 : 6,
    minCount: opts.quick ? 4 : 8,
    refine: opts.quick ? (sc.refine ? 2 : 0) : (sc.refine ?? DEFAULT_REFINE),
    serverCpuSeconds: () => processCpuSeconds(env.server.pid),
  };
  const reps = opts.quick ? opts.reps : (sc.reps ?? opts.reps);
  const byArm = new Map<string, LadderResult[]>();
  for (let rep = 0; rep < reps; rep++) {
    const order = rep % 2 === 0 ? arms : [...arms].reverse();
    const results = await ladders(env.client, env.worker, order, {
      ...ladderOpts,
      onStep: (arm, rate) =>
        progress(`${sc.name}: rep ${rep + 1}/${reps}, arm ${arm.name} at ${rate.toFixed(1)}/s`),
    });
    for (const [name, r] of results) byArm.set(name, [...(byArm.get(name) ?? []), r]);
  }
  const out: ArmResult[] = [];
  for (const arm of arms) {
    const r = medianOf(byArm.get(arm.name)!);
    out.push({ arm: arm.name, ladder: r, history: await historyFigures(env.client, r.last) });
  }
  const starts = sc.httpStarts ? await httpStarts(env, sc, deployed, opts) : undefined;
  return { kind: 'pair', name: sc.name, title: sc.title, nodes: sc.nodes, reps, arms: out, starts };
}

/** Client against HTTP start calls, one at a time, interleaved (`sequentialStarts`). */
async function httpStarts(
  env: BenchEnv,
  sc: PairScenario,
  deployed: Deployed,
  opts: Options,
): Promise<StartsResult> {
  const rounds = opts.quick ? 20 : 100;
  const times = await sequentialStarts(
    env.client,
    {
      B: () => env.startBpmn(deployed, sc.variables),
      'B-http': () => env.startHttp(deployed, sc.variables),
    },
    rounds,
    { gapMs: 20, onRound: (done) => progress(`${sc.name}: start calls ${done}/${rounds}`) },
  );
  return { rounds, B: pct(times.B), 'B-http': pct(times['B-http']) };
}

async function runLarge(env: BenchEnv, sc: LargeScenario): Promise<ScenarioResult> {
  const xml = models.largeModel(sc.nodes);
  // Compile three times (first = cold), deploy once.
  const compileMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    progress(`${sc.name}: compile ${i + 1}/3`);
    const t0 = performance.now();
    await compileBpmn(xml);
    compileMs.push(performance.now() - t0);
  }
  const deployed = await env.deploy(xml);
  progress(`${sc.name}: first start`);
  const t0 = performance.now();
  const s = await env.startBpmn(deployed, { x: 1 });
  const startCallMs = performance.now() - t0;
  await env.client.workflow.getHandle(s.workflowId, s.runId).result();
  const firstRunMs = performance.now() - t0;
  return {
    kind: 'large',
    name: sc.name,
    title: sc.title,
    nodes: sc.nodes,
    xmlBytes: Buffer.byteLength(xml),
    irBytes: Buffer.byteLength(JSON.stringify(deployed.ir)),
    compileMs: { first: compileMs[0], median: median(compileMs) },
    startCallMs,
    firstRunMs,
    history: await historyFigures(env.client, s),
  };
}

async function runLoop(env: BenchEnv, sc: LoopScenario): Promise<ScenarioResult> {
  const deployed = await env.deploy(models.loopModel());
  const arms = [
    { arm: 'A' as const, start: () => env.startHand('handLoop', [sc.iterations]) },
    { arm: 'B' as const, start: () => env.startBpmn(deployed, { n: sc.iterations }) },
  ];
  const out = [];
  for (const a of arms) {
    const r = await sampledRun(env, `${sc.name}: arm ${a.arm}`, a.start, progress);
    const history: HistoryFigures = await historyFigures(env.client, r.started);
    out.push({
      arm: a.arm,
      totalSeconds: r.totalSeconds,
      iterationsPerSecond: sc.iterations / r.totalSeconds,
      continueAsNew: history.runs - 1,
      cpuSeconds: r.cpuUs / 1e6,
      rssMb: r.rssMb,
      history,
    });
  }
  return { kind: 'loop', name: sc.name, title: sc.title, iterations: sc.iterations, arms: out };
}

async function runCache(env: BenchEnv, sc: CacheScenario): Promise<ScenarioResult> {
  const deployed = await env.deploy(models.sequentialModel(10, true));
  const arms = [
    { arm: 'A' as const, start: () => env.startHand('handSequential', [10, true]) },
    { arm: 'B' as const, start: () => env.startBpmn(deployed, {}) },
  ];
  const out = [];
  for (const a of arms) {
    await env.restartWorker();
    await env.worker.gc();
    const base = await env.worker.stats();
    for (let i = 0; i < sc.instances; i++) {
      await a.start();
      if (i % 20 === 0) progress(`${sc.name}: arm ${a.arm}, started ${i}/${sc.instances}`);
    }
    // Quiet = every instance cached and nothing in flight for two readings in a row.
    let quiet = 0;
    for (let waited = 0; quiet < 2 && waited < 300; waited++) {
      await new Promise((r) => setTimeout(r, 1000));
      const st = await env.worker.stats();
      progress(`${sc.name}: arm ${a.arm}, cached ${st.cachedWorkflows}/${sc.instances}`);
      const idle = st.inFlightActivations === 0 && st.inFlightActivities === 0;
      quiet = st.cachedWorkflows >= sc.instances && idle ? quiet + 1 : 0;
    }
    await env.worker.gc();
    const st = await env.worker.stats();
    out.push({
      arm: a.arm,
      cached: st.cachedWorkflows,
      rssPerWorkflowMb: (st.rssBytes - base.rssBytes) / 2 ** 20 / sc.instances,
      heapPerWorkflowKb: (st.heapUsedBytes - base.heapUsedBytes) / 1024 / sc.instances,
    });
  }
  return { kind: 'cache', name: sc.name, title: sc.title, instances: sc.instances, arms: out };
}

/** The 1-minute load below which the machine counts as idle (report.ts flags a run above it). */
const IDLE_LOAD = 0.5;

/**
 * A full run first waits (up to 3 minutes) for the 1-minute load average to fall below
 * IDLE_LOAD: it averages the last minutes, so right after a test run or a build it is still
 * high though nothing runs any more. Quick runs do not wait.
 */
async function settle(quick: boolean): Promise<number[]> {
  const deadline = Date.now() + 180_000;
  while (!quick && os.loadavg()[0] >= IDLE_LOAD && Date.now() < deadline) {
    progress(`waiting for the machine to settle: 1-minute load ${os.loadavg()[0].toFixed(2)}`);
    await new Promise((r) => setTimeout(r, 5_000));
  }
  return os.loadavg();
}

async function runPeer(opts: Options, waymark: ScenarioResult[], command: string): Promise<void> {
  const from = Date.now();
  try {
    const peer = await runFlowablePeer({ ...opts, dbs: opts.peerDbs }, progress);
    writePeerSection(peer, waymark, command, (Date.now() - from) / 1000);
  } catch (err) {
    console.error('\nthe Flowable peer arm failed:', err);
  }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const loadBefore = await settle(opts.quick);
  if (!opts.peerOnly) progress('bundling workflows (both arms, one bundle)');
  const bundleFile = opts.peerOnly ? '' : await buildBundle();
  const cpuProfDir = opts.cpuProf ? path.join(WORK_DIR, 'cpu-prof') : undefined;
  const all = scenarios(opts.quick).filter(
    (s) => !opts.peerOnly && (!opts.only || opts.only.includes(s.name)),
  );
  const results: ScenarioResult[] = [];
  for (const [i, sc] of all.entries()) {
    progress(`${sc.name} (${i + 1}/${all.length}): fresh dev server + worker`);
    const env = await BenchEnv.start({ bundleFile, maxCached: 1000, cpuProfDir });
    try {
      if (sc.kind === 'pair') results.push(await runPair(env, sc, opts));
      if (sc.kind === 'large') results.push(await runLarge(env, sc));
      if (sc.kind === 'loop') results.push(await runLoop(env, sc));
      if (sc.kind === 'cache') results.push(await runCache(env, sc));
      if (sc.kind === 'fanout') results.push(await runFanout(env, sc, progress));
    } catch (err) {
      // One failing scenario must not lose the others' figures.
      console.error(`\n${sc.name} failed:`, err);
    } finally {
      await env.stop();
    }
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  const bench: BenchResults = {
    mode: opts.quick ? 'quick' : 'full',
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    date: new Date().toISOString(),
    loadAverage: { before: loadBefore, after: os.loadavg() },
    durationSeconds: (Date.now() - started) / 1000,
    reps: opts.reps,
    results,
  };
  if (opts.quick || opts.only || opts.peerOnly) {
    // A partial run: its own folder, so the last full run's RESULTS.md stays (extra-sections.ts).
    process.env.WAYMARK_BENCH_OUT = path.join(__dirname, 'quick');
    fs.mkdirSync(process.env.WAYMARK_BENCH_OUT, { recursive: true });
  }
  // Waymark's figures are written before the peer runs, so a failing peer loses none of them.
  const file = opts.peerOnly ? undefined : await writeReport(bench);
  writeLocalSection(results);
  writeRatioSection(results);
  if (opts.peer) await runPeer(opts, results, bench.command);
  await formatResults();
  progress(`done: ${file ?? path.join(process.env.WAYMARK_BENCH_OUT ?? __dirname, 'RESULTS.md')}`);
  if (process.stderr.isTTY) process.stderr.write('\n');
}

// Exit once written: a lingering handle (a closed connection's timer) kept the process alive.
main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
