/**
 * The Flowable peer's section of bench/RESULTS.md (below the marker, extra-sections.ts): each
 * arm's ladder figures per database, the same run's Waymark arms beside Flowable-async, the
 * issue's peer target, and what "durable" means on each side.
 */
import { writeExtraSection } from '../extra-sections';
import { totalCpuMs, type LadderResult } from '../measure';
import type { ArmResult, ScenarioResult } from '../report';
import type { PeerResult, PeerRun } from './flowable';
import type { PeerDb } from './flowable-store';

const HEADING = '## Peer: Flowable 7.1 embedded, on H2 and on PostgreSQL (issue 20)';
const DB_NAME: Record<PeerDb, string> = { h2: 'H2 file', postgres: 'PostgreSQL' };
const TASKS: Record<string, number> = { 'seq-1': 1, 'seq-10': 10, 'par-10': 10 };

const f = (n: number | undefined, digits = 1): string =>
  n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : '–';

const throughput = (l: LadderResult): string =>
  `${f(l.throughput)}${l.limitFound ? '' : ' (lower bound)'}`;

function peerRow(r: PeerResult): string {
  const l = r.ladder;
  const cpu = `${f(l.cpuSecondsPer1000)} / ${f(l.serverCpuSecondsPer1000)} / ${f(l.benchCpuSecondsPer1000)}`;
  const perTask = f(totalCpuMs(l) / r.tasks, 2);
  return `| ${r.scenario} | ${DB_NAME[r.db]} | Flowable-${r.mode} | ${r.reps} | ${throughput(l)} | ${f(l.latency.p50)} | ${f(l.latency.p99)} | ${cpu} | ${perTask} | ${f(l.peakRssMb, 0)} |`;
}

function waymarkArms(waymark: ScenarioResult[], scenario: string): ArmResult[] {
  const r = waymark.find((x) => x.name === scenario);
  if (!r || r.kind !== 'pair') return [];
  return ['B-local', 'B'].flatMap((n) => r.arms.find((a) => a.arm === n) ?? []);
}

function comparisonRows(run: PeerRun, waymark: ScenarioResult[]): string[] {
  const rows: string[] = [];
  for (const scenario of Object.keys(TASKS)) {
    const peer = (db: PeerDb) =>
      run.results.find((r) => r.scenario === scenario && r.db === db && r.mode === 'async');
    const [h2, pg] = [peer('h2'), peer('postgres')];
    for (const arm of waymarkArms(waymark, scenario)) {
      const w = arm.ladder;
      const ratio = (p?: PeerResult) => (p ? f(w.throughput / p.ladder.throughput, 3) : '–');
      const step = (l?: LadderResult) => (l ? f(totalCpuMs(l) / TASKS[scenario], 2) : '–');
      rows.push(
        `| ${scenario} | ${arm.arm} | ${f(w.throughput)} | ${f(h2?.ladder.throughput)} | ${ratio(h2)} | ${f(pg?.ladder.throughput)} | ${ratio(pg)} | ${step(w)} / ${step(h2?.ladder)} / ${step(pg?.ladder)} |`,
      );
    }
  }
  return rows;
}

function targetRows(run: PeerRun, waymark: ScenarioResult[]): string[] {
  const local = waymarkArms(waymark, 'seq-10').find((a) => a.arm === 'B-local');
  return (['postgres', 'h2'] as const).flatMap((db) => {
    const p = run.results.find((r) => r.scenario === 'seq-10' && r.db === db && r.mode === 'async');
    if (!local || !p) return [];
    const x = local.ladder.throughput / p.ladder.throughput;
    const target = db === 'postgres' ? ' ≥ 0.5' : ' (reported)';
    const holds = db === 'postgres' ? (x >= 0.5 ? 'yes' : '**no**') : '–';
    return [
      `| seq-10 throughput B-local / Flowable-async, ${DB_NAME[db]}${target} | ${f(x, 3)} | ${holds} |`,
    ];
  });
}

const CAVEATS = [
  '- **What "durable" means.** Flowable-async: each service task is a job row, committed before an executor thread runs it, and each job commits the next state; a crash loses nothing committed. Flowable-sync: the whole instance runs inside the start call, one transaction (nothing survives a crash mid-way, nothing is retried). Waymark: every step is an event in Temporal\'s history (dev server: SQLite in WAL mode), replayed on any worker.',
  "- **H2 is in the JVM**: no network hop, its CPU counted as the engine's, and H2's MVStore writes commits to the file in the background (it does not fsync each commit), so a power loss can lose the last commits. PostgreSQL runs as a server with its defaults (fsync and synchronous commit on), over loopback TCP; its CPU is the postmaster and all its backends (bench/proc-cpu.ts).",
  "- **One process vs three.** Flowable is a library: engine and (for H2) database in one JVM, driven by the bench process over a pipe; Waymark's figures include the Temporal dev server (Go) and the worker (Node) as separate processes, talking gRPC.",
  "- **Tuning.** Flowable: 8 async-executor threads, 16 start threads, 24 JDBC connections, `audit` history, and async-job acquisition every 100 ms instead of 10 s (else par-10's exclusive jobs wait up to 10 s each time they find their instance locked). JVM: `-Xms512m -Xmx2g`, default GC; 400 warm-up instances per arm before the ladders (JIT; 80 in `--quick`). In a full run seq-10 gets every repetition, seq-1 and par-10 one. Waymark: the dev-server tuning at the top of this file; one warm-up instance per arm.",
  '- **par-10 in Flowable** runs its 10 jobs one at a time per instance (exclusive jobs lock the process instance), so its latency is 10 job round trips, like seq-10; Waymark runs the 10 activities concurrently.',
  '- **Ladder.** The same open loop and completion window as the Waymark arms (README "Method"), from the same start rates; the rate doubles per step instead of × 1.5 (Flowable reaches 10–50× Waymark\'s rates) and bisects 4 times, to ±6 %.',
];

/** Writes the section from a peer run and the same run's Waymark scenarios. */
export function writePeerSection(
  run: PeerRun,
  waymark: ScenarioResult[],
  command: string,
  seconds: number,
): void {
  const versions = Object.values(run.versions).join('; ');
  const lines = [
    `- date: ${new Date().toISOString()}; command: \`${command}\`; the peer arm took ${seconds.toFixed(0)} s; medians over the repetitions (column reps)`,
    `- ${run.java}; Flowable 7.1.0 (flowable-engine, Maven Central); ${versions}`,
    '- CPU in ms per instance (= s per 1,000 instances): engine (the JVM) / database server / bench process; "per task" is the sum of all three over the service tasks, the cost of one durable step',
    '',
    '| scenario | database | arm | reps | completions/s at saturation | p50 ms | p99 ms | CPU engine / db / bench | total CPU per task ms | peak RSS MB |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...run.results.map(peerRow),
    '',
    'Against Waymark in the same run (Flowable-async; B-local: built-in tasks as local activities, B: as regular ones). Ratios are Waymark / Flowable throughput.',
    '',
    '| scenario | Waymark arm | Waymark /s | Flowable H2 /s | ratio | Flowable PostgreSQL /s | ratio | total CPU per task ms: Waymark / H2 / PostgreSQL |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...comparisonRows(run, waymark),
    '',
    '| target | measured | holds |',
    '| --- | --- | --- |',
    ...targetRows(run, waymark),
    '',
    ...CAVEATS,
  ];
  writeExtraSection(HEADING, lines.join('\n'));
}
