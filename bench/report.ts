/**
 * Turns the measurements into bench/results.json and RESULTS.md: conditions, targets, scenarios.
 */
import { extraSections, outputDir, writeFormatted } from './extra-sections';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEV_SERVER_DYNAMIC_CONFIG, ensureTemporalCli } from '../src/temporal/dev-server';
import { PRELOADED_WORKFLOW_MODULES } from '../src/worker/create-worker';
import { fanoutMd, type FanoutResult } from './fanout';
import type { HistoryFigures } from './history';
import type { ArmName, LadderResult } from './measure';

export interface ArmResult {
  arm: ArmName;
  ladder: LadderResult;
  history: HistoryFigures;
}

/** Start call times (ms) of client (B) and HTTP (B-http) starts taken one at a time. */
export interface StartsResult {
  rounds: number;
  B: { p50: number; p99: number };
  'B-http': { p50: number; p99: number };
}

export type ScenarioResult =
  | FanoutResult
  | {
      kind: 'pair';
      name: string;
      title: string;
      nodes: number;
      reps: number;
      arms: ArmResult[];
      starts?: StartsResult;
    }
  | {
      kind: 'large';
      name: string;
      title: string;
      nodes: number;
      xmlBytes: number;
      irBytes: number;
      compileMs: { first: number; median: number };
      startCallMs: number;
      firstRunMs: number;
      history: HistoryFigures;
    }
  | {
      kind: 'loop';
      name: string;
      title: string;
      iterations: number;
      arms: {
        arm: 'A' | 'B';
        totalSeconds: number;
        iterationsPerSecond: number;
        continueAsNew: number;
        cpuSeconds: number;
        rssMb: { firstHalfMax: number; secondHalfMax: number; last: number };
        history: HistoryFigures;
      }[];
    }
  | {
      kind: 'cache';
      name: string;
      title: string;
      instances: number;
      arms: {
        arm: 'A' | 'B';
        cached: number;
        rssPerWorkflowMb: number;
        heapPerWorkflowKb: number;
      }[];
    };

export interface BenchResults {
  mode: 'quick' | 'full';
  command: string;
  date: string;
  loadAverage: { before: number[]; after: number[] };
  durationSeconds: number;
  reps: number;
  results: ScenarioResult[];
  environment?: Record<string, string>;
  targets?: Target[];
}

interface Target {
  target: string;
  value: string;
  holds: boolean | null;
}

const f = (n: number, d = 1): string => (Number.isFinite(n) ? n.toFixed(d) : '–');

async function environment(): Promise<Record<string, string>> {
  const version = (pkg: string): string =>
    (
      JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as {
        version: string;
      }
    ).version;
  let cli = 'unknown';
  try {
    cli = execFileSync(await ensureTemporalCli(), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    /* reported as unknown */
  }
  return {
    node: process.version,
    '@temporalio/worker': version('@temporalio/worker'),
    '@temporalio/client': version('@temporalio/client'),
    'Temporal CLI': cli,
    'dev server': `SQLite file, journal_mode=wal; ${Object.entries(DEV_SERVER_DYNAMIC_CONFIG)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`,
    'workflow bundle': `one for both arms; preloaded modules: ${PRELOADED_WORKFLOW_MODULES.map((m) => path.relative(path.join(__dirname, '..'), m)).join(', ')}`,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${f(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}`,
  };
}

function pair(results: ScenarioResult[], name: string) {
  const r = results.find((x) => x.name === name);
  if (!r || r.kind !== 'pair') return undefined;
  const arm = (a: string) => r.arms.find((x) => x.arm === a);
  return { A: arm('A'), B: arm('B'), H: arm('B-http'), starts: r.starts };
}

const startOverhead = (s: StartsResult): { d50: number; d99: number } => ({
  d50: s['B-http'].p50 - s.B.p50,
  d99: s['B-http'].p99 - s.B.p99,
});

function targets(results: ScenarioResult[]): Target[] {
  const out: Target[] = [];
  const s10 = pair(results, 'seq-10');
  if (s10?.A && s10.B) {
    const tp = s10.B.ladder.throughput / s10.A.ladder.throughput;
    const open = [s10.A, s10.B].filter((a) => !a.ladder.limitFound).map((a) => a.arm);
    out.push({
      target: 'seq-10 throughput B/A ≥ 0.95',
      value:
        f(tp, 2) + (open.length ? ` (${open.join(', ')}: ladder ended before falling behind)` : ''),
      holds: tp >= 0.95 && open.length === 0,
    });
    const cpu = s10.B.ladder.cpuSecondsPer1000 / s10.A.ladder.cpuSecondsPer1000;
    out.push({
      target: 'seq-10 worker CPU per process B/A ≤ 1.15',
      value: f(cpu, 2),
      holds: cpu <= 1.15,
    });
  }
  const s1 = pair(results, 'seq-1');
  if (s1?.A && s1.B && s10?.A && s10.B) {
    const slope = (a: ArmResult, b: ArmResult) => (b.history.events - a.history.events) / 9;
    const a = slope(s1.A, s10.A);
    const b = slope(s1.B, s10.B);
    out.push({
      target: 'history events per sequential service task: B = A (= 6)',
      value: `A ${f(a, 1)}, B ${f(b, 1)} (fixed overhead B−A: ${s10.B.history.events - s10.A.history.events} events per instance)`,
      holds: a === b,
    });
  }
  const t = pair(results, 'timer');
  if (t?.A && t.B && s1?.A && s1.B) {
    // Timer cost = events minus the empty workflow (seq-1 minus its one activity).
    const a = t.A.history.events - (s1.A.history.events - 6);
    const b = t.B.history.events - (s1.B.history.events - 6);
    out.push({
      target: 'history events per timer: B = A (= 5)',
      value: `A ${a}, B ${b}`,
      holds: a === b,
    });
  }
  if (s10?.starts) {
    const { d50, d99 } = startOverhead(s10.starts);
    out.push({
      target: 'HTTP start adds ≤ 5 ms p50 over a client start',
      value: `+${f(d50)} ms p50, +${f(d99)} ms p99 (${s10.starts.rounds} starts each, one at a time)`,
      holds: d50 <= 5,
    });
  }
  const large = results.find((x) => x.kind === 'large');
  if (large?.kind === 'large')
    out.push({
      target: '1,000-node model compiles in < 1 s',
      value: `${f(large.compileMs.median, 0)} ms (first ${f(large.compileMs.first, 0)} ms)`,
      holds: large.compileMs.median < 1000,
    });
  const loop = results.find((x) => x.kind === 'loop');
  const lb = loop?.kind === 'loop' ? loop.arms.find((a) => a.arm === 'B') : undefined;
  if (loop?.kind === 'loop' && lb) {
    const flat = lb.rssMb.secondHalfMax <= lb.rssMb.firstHalfMax * 1.15;
    out.push({
      target: `${loop.iterations}-iteration loop completes with continue-as-new, flat worker memory`,
      value: `${lb.continueAsNew} continue-as-new, RSS max ${f(lb.rssMb.firstHalfMax, 0)} → ${f(lb.rssMb.secondHalfMax, 0)} MB (1st → 2nd half)`,
      holds: lb.continueAsNew > 0 && flat,
    });
  }
  const cache = results.find((x) => x.kind === 'cache');
  const cb = cache?.kind === 'cache' ? cache.arms.find((a) => a.arm === 'B') : undefined;
  if (cb)
    out.push({
      target: 'worker memory ≤ 2 MB per cached workflow (N = 10)',
      value: `${f(cb.rssPerWorkflowMb, 3)} MB RSS`,
      holds: cb.rssPerWorkflowMb <= 2,
    });
  return out;
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function startsMd(s: StartsResult): string {
  const { d50, d99 } = startOverhead(s);
  return `Start calls one at a time (${s.rounds} rounds, client and HTTP interleaved, each waiting for its instance): B ${f(s.B.p50)} / ${f(s.B.p99)} ms, B-http ${f(s['B-http'].p50)} / ${f(s['B-http'].p99)} ms (p50 / p99); HTTP adds +${f(d50)} / +${f(d99)} ms.`;
}

function scenarioMd(r: ScenarioResult): string {
  const head = `### ${r.name} — ${r.title}\n\n`;
  if (r.kind === 'fanout') return head + fanoutMd(r, f);
  if (r.kind === 'pair') {
    return (
      head +
      `Medians over ${r.reps} repetitions.\n\n` +
      table(
        [
          'arm',
          'completions/s at saturation',
          'saturation rate/s',
          'p50 ms',
          'p99 ms',
          'start call p50/p99 ms',
          'history events',
          'events/node',
          'WFTs',
          'WFT start→complete ms',
          'CPU s / 1,000 worker / server / bench',
          'peak RSS MB',
        ],
        r.arms.map((a) => [
          a.arm,
          f(a.ladder.throughput),
          f(a.ladder.saturationRate),
          f(a.ladder.latency.p50, 0),
          f(a.ladder.latency.p99, 0),
          `${f(a.ladder.startCall.p50)} / ${f(a.ladder.startCall.p99)}`,
          String(a.history.events),
          f(a.history.events / r.nodes, 1),
          String(a.history.workflowTasks),
          f(a.history.wftStartToCompleteMs),
          `${f(a.ladder.cpuSecondsPer1000)} / ${f(a.ladder.serverCpuSecondsPer1000)} / ${f(a.ladder.benchCpuSecondsPer1000)}`,
          f(a.ladder.peakRssMb, 0),
        ]),
      ) +
      '\n\nRates offered (completions/s achieved): ' +
      r.arms
        .map(
          (a) =>
            `${a.arm}: ${a.ladder.steps.map((s) => `${f(s.rate)}→${f(s.completionRate)}`).join(', ')}`,
        )
        .join('; ') +
      '\n' +
      (r.starts ? `\n${startsMd(r.starts)}\n` : '')
    );
  }
  if (r.kind === 'large') {
    return (
      head +
      table(
        [
          'XML KiB',
          'IR KiB',
          'compile ms (first / median)',
          'start call ms',
          'first run ms',
          'history events',
          'WFTs',
        ],
        [
          [
            f(r.xmlBytes / 1024),
            f(r.irBytes / 1024),
            `${f(r.compileMs.first, 0)} / ${f(r.compileMs.median, 0)}`,
            f(r.startCallMs),
            f(r.firstRunMs, 0),
            String(r.history.events),
            String(r.history.workflowTasks),
          ],
        ],
      ) +
      '\n'
    );
  }
  if (r.kind === 'loop') {
    return (
      head +
      table(
        [
          'arm',
          'total s',
          'iterations/s',
          'continue-as-new',
          'events',
          'WFTs',
          'WFT start→complete ms',
          'WFT schedule→start ms',
          'worker CPU s',
          'RSS MB 1st half / 2nd half / last',
        ],
        r.arms.map((a) => [
          a.arm,
          f(a.totalSeconds),
          f(a.iterationsPerSecond),
          String(a.continueAsNew),
          String(a.history.events),
          String(a.history.workflowTasks),
          f(a.history.wftStartToCompleteMs),
          f(a.history.wftScheduleToStartMs),
          f(a.cpuSeconds),
          `${f(a.rssMb.firstHalfMax, 0)} / ${f(a.rssMb.secondHalfMax, 0)} / ${f(a.rssMb.last, 0)}`,
        ]),
      ) +
      '\n'
    );
  }
  return (
    head +
    table(
      ['arm', 'cached workflows', 'RSS MB per workflow', 'heap KiB per workflow'],
      r.arms.map((a) => [
        a.arm,
        String(a.cached),
        f(a.rssPerWorkflowMb, 3),
        f(a.heapPerWorkflowKb),
      ]),
    ) +
    '\n'
  );
}

/** Writes results.json and RESULTS.md (keeping the separate benchmarks' part); returns its path. */
export async function writeReport(bench: BenchResults): Promise<string> {
  bench.environment = await environment();
  bench.targets = targets(bench.results);
  // Formatted with the repository's Prettier config, so `prettier --check .` stays clean.
  const format = writeFormatted;
  await format(path.join(outputDir(), 'results.json'), JSON.stringify(bench, null, 2));
  const load = (l: number[]): string => l.map((x) => f(x, 2)).join(' / ');
  const md = [
    '# Benchmark results: interpreted BPMN (Waymark) vs hand-written Temporal',
    '',
    bench.mode === 'quick'
      ? '> **Quick run** (`--quick`): short steps, one repetition, small loop and cache populations. Indicative only; see the load average below.'
      : '> Full run.',
    ...(bench.loadAverage.before[0] >= 0.5
      ? [
          '',
          `> **Loaded machine**: 1-minute load ${f(bench.loadAverage.before[0], 2)} at start on ${os.cpus().length} CPUs. Timing figures (throughput, latency, CPU, compile time) are dominated by other processes; counts (history events, workflow tasks, continue-as-new) are exact. A full run on an idle machine is still to be taken.`,
        ]
      : []),
    '',
    `- date: ${bench.date}; duration ${f(bench.durationSeconds, 0)} s; repetitions: ${bench.reps}`,
    `- command: \`${bench.command}\``,
    `- load average (1 / 5 / 15 min): before ${load(bench.loadAverage.before)}, after ${load(bench.loadAverage.after)}`,
    ...Object.entries(bench.environment).map(([k, v]) => `- ${k}: ${v}`),
    '',
    'Arms: **A** hand-written Temporal workflow (client start), **B** Waymark interpreting the equivalent BPMN (client start, the input the API builds), **B-http** Waymark started through `POST /definitions/{key}/instances`. Same dev server (fresh SQLite file per scenario), same worker process and bundle, arms alternated. See [README.md](README.md) for what each figure means.',
    '',
    '## Targets',
    '',
    table(
      ['target', 'measured', 'holds'],
      bench.targets.map((t) => [
        t.target,
        t.value,
        t.holds === null ? '–' : t.holds ? 'yes' : '**no**',
      ]),
    ),
    '',
    '## Scenarios',
    '',
    ...bench.results.map(scenarioMd),
  ].join('\n');
  const file = path.join(outputDir(), 'RESULTS.md');
  await format(file, md + extraSections());
  return file;
}
