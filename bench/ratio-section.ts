/**
 * The "B/A in every scenario" section of bench/RESULTS.md (issue 20): each scenario's
 * interpreted arm against its matching hand-written arm — regular with regular, local with
 * local — for throughput (≥ 0.95) and worker CPU (≤ 1.05), and the total CPU per durable step
 * (worker + server + bench process, per service task or iteration). Written below the marker
 * (extra-sections.ts) after the main report.
 */
import { writeExtraSection } from './extra-sections';
import { totalCpuMs } from './measure';
import type { ArmResult, ScenarioResult } from './report';

const HEADING = '## B/A in every scenario (issue 20)';

export const THROUGHPUT_MIN = 0.95;
export const WORKER_CPU_MAX = 1.05;

/** One interpreted arm against its hand-written match. */
export interface Ratio {
  scenario: string;
  mode: 'regular' | 'local';
  /** B/A completions (or iterations, items) per second; undefined where it is not measured. */
  throughput?: number;
  /** B/A worker CPU per instance (or per item). */
  workerCpu: number;
  /** A bound only: an arm's ladder never fell behind. */
  lowerBound: boolean;
  /** Total CPU per durable step, ms: A, B. */
  stepCpuMs?: [number, number];
}

function pairRatio(
  scenario: string,
  mode: Ratio['mode'],
  a: ArmResult,
  b: ArmResult,
  steps: number,
): Ratio {
  return {
    scenario,
    mode,
    throughput: b.ladder.throughput / a.ladder.throughput,
    workerCpu: b.ladder.cpuSecondsPer1000 / a.ladder.cpuSecondsPer1000,
    lowerBound: a.ladder.limitFound === false || b.ladder.limitFound === false,
    stepCpuMs: steps > 0 ? [totalCpuMs(a.ladder) / steps, totalCpuMs(b.ladder) / steps] : undefined,
  };
}

/** One long instance per arm (the loop, the fan-out): wall time A/B and worker CPU B/A. */
function longRatio<T extends { arm: 'A' | 'B'; totalSeconds: number }>(
  scenario: string,
  arms: T[],
  workerCpu: (arm: T) => number,
): Ratio[] {
  const [a, b] = (['A', 'B'] as const).map((n) => arms.find((x) => x.arm === n));
  if (!a || !b) return [];
  return [
    {
      scenario,
      mode: 'regular',
      throughput: a.totalSeconds / b.totalSeconds,
      workerCpu: workerCpu(b) / workerCpu(a),
      lowerBound: false,
    },
  ];
}

/** The ratios of every scenario that has both arms; a pair scenario's durable steps are its nodes. */
export function ratios(results: ScenarioResult[]): Ratio[] {
  return results.flatMap((r): Ratio[] => {
    if (r.kind === 'pair') {
      const arm = (n: string) => r.arms.find((x) => x.arm === n);
      const out: Ratio[] = [];
      for (const [mode, a, b] of [
        ['regular', arm('A'), arm('B')],
        ['local', arm('A-local'), arm('B-local')],
      ] as const)
        if (a && b) out.push(pairRatio(r.name, mode, a, b, r.nodes));
      return out;
    }
    if (r.kind === 'loop') return longRatio(r.name, r.arms, (x) => x.cpuSeconds);
    if (r.kind === 'fanout') return longRatio(r.name, r.arms, (x) => x.workerCpuMsPerItem);
    return [];
  });
}

const f = (n: number | undefined, d = 2): string =>
  n !== undefined && Number.isFinite(n) ? n.toFixed(d) : '–';
const holds = (ok: boolean): string => (ok ? 'yes' : '**no**');

function row(r: Ratio): string {
  const tp = r.throughput;
  const tpOk = tp !== undefined && tp >= THROUGHPUT_MIN && !r.lowerBound;
  const bound = r.lowerBound ? ' (a ladder never fell behind: bound only)' : '';
  const step = r.stepCpuMs ? `${f(r.stepCpuMs[0], 1)} / ${f(r.stepCpuMs[1], 1)}` : '–';
  return `| ${r.scenario} | ${r.mode} | ${f(tp)}${bound} | ${holds(tpOk)} | ${f(r.workerCpu)} | ${holds(r.workerCpu <= WORKER_CPU_MAX)} | ${step} |`;
}

/** Writes the section from a run's scenario results; `date` is the run's. */
export function writeRatioSection(
  results: ScenarioResult[],
  date = new Date().toISOString(),
): void {
  const rs = ratios(results);
  if (rs.length === 0) return;
  const lines = [
    `- date: ${date}; the run's medians; targets: throughput B/A ≥ ${THROUGHPUT_MIN}, worker CPU B/A ≤ ${WORKER_CPU_MAX}`,
    "- throughput: completions/s at saturation for ladder scenarios; for the loop and the multi-instance fan-out, A's wall time over B's for the one long instance",
    '- total CPU per durable step: worker + dev server + bench process per completed instance, over its durable steps (the nodes the events/node column divides by: service tasks, the timer, the user task)',
    '',
    '| scenario | mode | throughput B/A | holds | worker CPU B/A | holds | total CPU per durable step ms A / B |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rs.map(row),
  ];
  writeExtraSection(HEADING, lines.join('\n'));
}
