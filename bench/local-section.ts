/**
 * The local-activity section of bench/RESULTS.md (issue 20): seq-10 with its built-in tasks as
 * regular activities (A, B) and as local activities (A-local, B-local, driver revision 5), B/A
 * per mode, and the targets. Written below the marker (extra-sections.ts) after the
 * main report, so report.ts stays as it is.
 */
import { writeExtraSection } from './extra-sections';
import { totalCpuMs } from './measure';
import type { ArmResult, ScenarioResult } from './report';

const HEADING = '## Local activities for built-in tasks (seq-10, issue 20)';

const f = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');

function row(a: ArmResult): string {
  const l = a.ladder;
  const open = l.limitFound ? '' : ' (lower bound)';
  return `| ${a.arm} | ${f(l.throughput)}${open} | ${f(l.cpuSecondsPer1000)} | ${f(totalCpuMs(a.ladder))} | ${f(l.latency.p50)} | ${a.history.events} | ${a.history.workflowTasks} |`;
}

type Check = [string, string, boolean];

function checks(arm: (name: string) => ArmResult | undefined): Check[] {
  const [A, B, AL, BL] = ['A', 'B', 'A-local', 'B-local'].map(arm);
  const out: Check[] = [];
  for (const [mode, a, b] of [
    ['regular', A, B],
    ['local', AL, BL],
  ] as const) {
    if (!a || !b) continue;
    const tp = b.ladder.throughput / a.ladder.throughput;
    const cpu = b.ladder.cpuSecondsPer1000 / a.ladder.cpuSecondsPer1000;
    out.push([`${mode}: throughput B/A ≥ 0.95`, f(tp, 2), tp >= 0.95]);
    out.push([`${mode}: worker CPU B/A ≤ 1.05`, f(cpu, 2), cpu <= 1.05]);
  }
  if (A && B && BL) {
    const x = BL.ladder.throughput / A.ladder.throughput;
    out.push(['B-local throughput ≥ 3 × A (regular)', `${f(x, 2)} ×`, x >= 3]);
    const c = totalCpuMs(BL.ladder) / totalCpuMs(B.ladder);
    out.push(['B-local total CPU per instance ≤ 1/3 of B (regular)', f(c, 2), c <= 1 / 3]);
    const p50 = BL.ladder.latency.p50;
    out.push(['B-local p50 ≤ 30 ms at low load', `${f(p50)} ms`, p50 <= 30]);
  }
  return out;
}

/** Writes the section when seq-10 ran with its local arms. */
export function writeLocalSection(results: ScenarioResult[]): void {
  const r = results.find((x) => x.name === 'seq-10');
  if (!r || r.kind !== 'pair') return;
  const arm = (name: string) => r.arms.find((a) => a.arm === name);
  if (!arm('B-local')) return;
  const arms = ['A', 'B', 'A-local', 'B-local'].flatMap((n) => arm(n) ?? []);
  const lines = [
    `- date: ${new Date().toISOString()}; ${r.reps} repetition(s); CPU in ms per instance (= s per 1,000); events per instance from one completed instance`,
    '- A / B: built-in tasks as regular activities (B with `builtinActivityMode: remote`); A-local / B-local: local activities (`proxyLocalActivities`; B-local is driver revision 5 by default)',
    '',
    '| arm | completions/s at saturation | worker CPU | total CPU | p50 ms | events | workflow tasks |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...arms.map(row),
    '',
    '| target | measured | holds |',
    '| --- | --- | --- |',
    ...checks(arm).map(([t, v, ok]) => `| ${t} | ${v} | ${ok ? 'yes' : '**no**'} |`),
  ];
  writeExtraSection(HEADING, lines.join('\n'));
}
