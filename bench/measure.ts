/**
 * How one arm is measured: open-loop starts at a given rate, each instance timed from the
 * start call to its result; a ladder of rising rates up to saturation; the worker's CPU time
 * and peak RSS over the run. An instance's history figures are in history.ts.
 */
import type { Client } from '@temporalio/client';
import type { Started } from './harness';
import type { WorkerStats } from './worker-child';

export type ArmName =
  'A' | 'B' | 'B-http' | 'A-local' | 'B-local' | 'Flowable-async' | 'Flowable-sync';

/** How an arm starts one instance, and what it does to finish it (e.g. complete a user task). */
export interface Arm {
  name: ArmName;
  start(i: number): Promise<Started>;
  drive?(s: Started): Promise<void>;
  /** Resolves when the instance has completed; the Temporal workflow's result unless given. */
  result?(s: Started): Promise<unknown>;
}

/** What an arm's engine process is measured by: CPU time and peak RSS (bench/harness.ts, peer/). */
export interface CostMeter {
  stats(): Promise<Pick<WorkerStats, 'cpuUserUs' | 'cpuSystemUs' | 'peakRssBytes'>>;
  resetPeak(): Promise<void>;
}

export interface Sample {
  startMs: number;
  completeMs: number;
  doneAt: number;
  started: Started;
}

export interface StepResult {
  rate: number;
  count: number;
  /** Completions per second in the window the starts kept arriving (see `openLoop`). */
  completionRate: number;
  keptUp: boolean;
  latency: { p50: number; p99: number };
  startCall: { p50: number; p99: number };
}

export interface LadderResult {
  steps: StepResult[];
  /**
   * Completions per second at saturation: the completion rate of the step at the saturation
   * rate, capped at the offered rate (0 if no step kept up).
   */
  throughput: number;
  /** Highest offered rate the completions kept up with. */
  saturationRate: number;
  /** Some step fell behind; if not, the ladder ended first and saturation is a lower bound. */
  limitFound: boolean;
  /** Latency at the lowest rate (unloaded). */
  latency: { p50: number; p99: number };
  startCall: { p50: number; p99: number };
  /** Worker CPU (user + system) per 1,000 completed instances. */
  cpuSecondsPer1000: number;
  /** The dev server's CPU per 1,000 completed instances. */
  serverCpuSecondsPer1000: number;
  /** The bench process's own CPU (load generator, client, API) per 1,000 completed instances. */
  benchCpuSecondsPer1000: number;
  peakRssMb: number;
  completed: number;
  last: Started;
}

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

export const median = (values: number[]): number => quantile(values, 0.5);

/** Medians of every numeric figure over the repetitions. */
export function medianOf(results: LadderResult[]): LadderResult {
  const m = (f: (r: LadderResult) => number): number => median(results.map(f));
  return {
    ...results[0],
    throughput: m((r) => r.throughput),
    saturationRate: m((r) => r.saturationRate),
    limitFound: results.every((r) => r.limitFound),
    latency: { p50: m((r) => r.latency.p50), p99: m((r) => r.latency.p99) },
    startCall: { p50: m((r) => r.startCall.p50), p99: m((r) => r.startCall.p99) },
    cpuSecondsPer1000: m((r) => r.cpuSecondsPer1000),
    serverCpuSecondsPer1000: m((r) => r.serverCpuSecondsPer1000),
    benchCpuSecondsPer1000: m((r) => r.benchCpuSecondsPer1000),
    peakRssMb: m((r) => r.peakRssMb),
    completed: results.reduce((n, r) => n + r.completed, 0),
    steps: results.flatMap((r) => r.steps),
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs one instance through an arm and times it. */
async function once(client: Client | null, arm: Arm, i: number): Promise<Sample> {
  const t0 = performance.now();
  const started = await arm.start(i);
  const t1 = performance.now();
  if (arm.drive) await arm.drive(started);
  if (arm.result) await arm.result(started);
  else if (client) await client.workflow.getHandle(started.workflowId, started.runId).result();
  else throw new Error(`arm ${arm.name} has neither a result() nor a Temporal client`);
  const t2 = performance.now();
  return { startMs: t1 - t0, completeMs: t2 - t0, doneAt: t2, started };
}

/**
 * Open loop: `count` starts spaced 1/rate apart, whatever the completions do. The completion
 * rate is counted in a window as long as the starts took, shifted by `lagMs` (the unloaded
 * latency): completions while starts keep arriving, so neither the pipeline filling at the
 * beginning nor the backlog draining after the last start (with no start calls competing for
 * the CPUs) is counted.
 */
export async function openLoop(
  client: Client | null,
  arm: Arm,
  rate: number,
  count: number,
  offset = 0,
  lagMs?: number,
): Promise<StepResult & { samples: Sample[] }> {
  const t0 = performance.now();
  const runs: Promise<Sample>[] = [];
  let lastStart = t0;
  for (let i = 0; i < count; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    lastStart = performance.now();
    runs.push(once(client, arm, offset + i));
  }
  const samples = await Promise.all(runs);
  const completionRate = windowRate(samples, t0, lastStart, rate, lagMs);
  return {
    rate,
    count,
    completionRate,
    keptUp: completionRate >= KEPT_UP * rate,
    latency: pct(samples.map((s) => s.completeMs)),
    startCall: pct(samples.map((s) => s.startMs)),
    samples,
  };
}

/** A step keeps up when its completion rate reaches this share of the offered rate. */
const KEPT_UP = 0.9;

/**
 * Completions per second in the window the starts kept arriving: as long as the starts took
 * (a slot of 1/rate per sample), from t0 + `lagMs` (the unloaded latency; the step's own median
 * unless given), centred on the slots.
 */
export function windowRate(
  samples: Sample[],
  t0: number,
  lastStart: number,
  rate: number,
  lagMs = quantile(
    samples.map((s) => s.completeMs),
    0.5,
  ),
): number {
  // Starts are 1/rate apart, so the window covers one start slot per sample, each centred on its
  // start plus the lag: a completion up to half a slot early or late still counts, at either end.
  const slotMs = 1000 / rate;
  const windowMs = Math.max(lastStart - t0, 0) + slotMs;
  const from = t0 + lagMs - slotMs / 2;
  const inWindow = samples.filter((s) => s.doneAt >= from && s.doneAt < from + windowMs).length;
  return samples.length > 1 ? (inWindow * 1000) / windowMs : rate;
}

/** CPU ms per instance (= s per 1,000) of every process: worker or engine + server + bench. */
export const totalCpuMs = (l: LadderResult): number =>
  l.cpuSecondsPer1000 + l.serverCpuSecondsPer1000 + l.benchCpuSecondsPer1000;

export const pct = (v: number[]): { p50: number; p99: number } => ({
  p50: quantile(v, 0.5),
  p99: quantile(v, 0.99),
});

export interface LadderOptions {
  startRate: number;
  stepSeconds: number;
  maxSteps: number;
  minCount?: number;
  /** Rate multiplier between steps while climbing (1.5 unless given). */
  factor?: number;
  /** Bisection steps between the last rate kept up with and the first one not. */
  refine?: number;
  /** CPU seconds the server (Temporal, a database) has used so far; 0 when it runs in-process. */
  serverCpuSeconds: () => number;
}

/** What one step cost: CPU of the worker, the dev server and the bench process; worker peak RSS. */
export interface StepCost {
  workerCpuUs: number;
  serverCpuS: number;
  benchCpuUs: number;
  peakRssBytes: number;
}

/** The step kept up with at the lowest or the highest rate, if any. */
function keptRate(steps: StepResult[], which: 'lowest' | 'highest'): StepResult | undefined {
  const kept = steps.filter((s) => s.keptUp).sort((a, b) => a.rate - b.rate);
  return which === 'lowest' ? kept[0] : kept[kept.length - 1];
}

/**
 * One arm's ladder: rising rates (× `factor`) until completions stop keeping up or `maxSteps`
 * is reached, then `refine` bisection steps between the last rate kept up with and the first
 * one not. If the start rate itself is not kept up with, the ladder descends (÷ `factor`) until
 * a rate is, then bisects the same way. Every step's completion window is shifted by the median
 * latency of the lowest rate kept up with (unloaded). Each step drains its backlog before the
 * next (`openLoop` waits for every instance).
 */
export class Climb {
  readonly steps: (StepResult & { samples: Sample[] })[] = [];
  private readonly cost: StepCost = {
    workerCpuUs: 0,
    serverCpuS: 0,
    benchCpuUs: 0,
    peakRssBytes: 0,
  };
  private rate: number;
  private bracket: { lo: number; hi: number; left: number } | undefined;
  private done = false;

  constructor(
    readonly arm: Arm,
    private readonly opts: LadderOptions,
  ) {
    this.rate = opts.startRate;
  }

  /** The rate of the next step, or undefined when the ladder is finished. */
  next(): number | undefined {
    return this.done ? undefined : this.rate;
  }

  /** Instances started so far (the next step numbers its instances from here). */
  get instances(): number {
    return this.steps.reduce((n, s) => n + s.count, 0);
  }

  /** The lowest rate kept up with (the unloaded step); a rising ladder's first step. */
  private get unloaded(): StepResult | undefined {
    return keptRate(this.steps, 'lowest');
  }

  /** The unloaded step's median latency, which shifts every later step's window. */
  get lagMs(): number | undefined {
    return this.unloaded?.latency.p50;
  }

  record(step: StepResult & { samples: Sample[] }, cost: StepCost): void {
    this.steps.push(step);
    this.cost.workerCpuUs += cost.workerCpuUs;
    this.cost.serverCpuS += cost.serverCpuS;
    this.cost.benchCpuUs += cost.benchCpuUs;
    this.cost.peakRssBytes = Math.max(this.cost.peakRssBytes, cost.peakRssBytes);
    const factor = this.opts.factor ?? 1.5;
    const [prev, refine] = [this.steps.at(-2), this.opts.refine ?? 0];
    const full = this.steps.length >= this.opts.maxSteps;
    if (this.bracket) {
      if (step.keptUp) this.bracket.lo = step.rate;
      else this.bracket.hi = step.rate;
      this.bracket.left--;
    } else if (step.keptUp && prev && !prev.keptUp) {
      // Descended to a rate kept up with: bisect up towards the lowest one not.
      this.bracket = { lo: step.rate, hi: prev.rate, left: refine };
    } else if (!step.keptUp && prev?.keptUp) {
      this.bracket = { lo: prev.rate, hi: step.rate, left: refine };
    } else if (!step.keptUp && !full) {
      // Not even the start rate (or a lower one) kept up with: descend while steps are left.
      this.rate = step.rate / factor;
      return;
    } else if (!step.keptUp) {
      this.bracket = { lo: 0, hi: step.rate, left: 0 };
    } else if (full) {
      this.done = true;
    }
    if (this.bracket) {
      this.done = this.bracket.left <= 0;
      this.rate = (this.bracket.lo + this.bracket.hi) / 2;
    } else {
      this.rate *= factor;
    }
  }

  result(): LadderResult {
    const steps = this.steps;
    const completed = this.instances;
    const per1000 = (seconds: number): number => (seconds / completed) * 1000;
    const saturation = keptRate(steps, 'highest');
    const lastStep = steps[steps.length - 1];
    return {
      steps: steps.map(({ samples: _samples, ...rest }) => rest),
      throughput: saturation ? Math.min(saturation.completionRate, saturation.rate) : 0,
      saturationRate: saturation?.rate ?? 0,
      limitFound: steps.some((s) => !s.keptUp),
      latency: (this.unloaded ?? steps[0]).latency,
      startCall: (this.unloaded ?? steps[0]).startCall,
      cpuSecondsPer1000: per1000(this.cost.workerCpuUs / 1e6),
      serverCpuSecondsPer1000: per1000(this.cost.serverCpuS),
      benchCpuSecondsPer1000: per1000(this.cost.benchCpuUs / 1e6),
      peakRssMb: this.cost.peakRssBytes / 2 ** 20,
      completed,
      last: lastStep.samples[lastStep.samples.length - 1].started,
    };
  }
}

/**
 * The arms' ladders in lockstep: each round runs every unfinished arm's next step, back to
 * back, in an order that alternates between rounds, so every arm meets the machine in the
 * same state (a busy neighbour, a slower minute) at every rate. The worker's and the server's
 * CPU time and the worker's peak RSS are read around each step and added to its arm.
 */
export async function ladders(
  client: Client | null,
  worker: CostMeter,
  arms: Arm[],
  opts: LadderOptions & { onStep?: (arm: Arm, rate: number) => void },
): Promise<Map<Arm['name'], LadderResult>> {
  const climbs = arms.map((arm) => new Climb(arm, opts));
  for (let round = 0; climbs.some((c) => c.next() !== undefined); round++) {
    for (const climb of round % 2 === 0 ? climbs : [...climbs].reverse()) {
      const rate = climb.next();
      if (rate === undefined) continue;
      opts.onStep?.(climb.arm, rate);
      await worker.resetPeak();
      const before = await worker.stats();
      const serverBefore = opts.serverCpuSeconds();
      const benchBefore = process.cpuUsage();
      const count = Math.max(opts.minCount ?? 5, Math.round(rate * opts.stepSeconds));
      const step = await openLoop(client, climb.arm, rate, count, climb.instances, climb.lagMs);
      const after = await worker.stats();
      const bench = process.cpuUsage(benchBefore);
      climb.record(step, {
        workerCpuUs: after.cpuUserUs + after.cpuSystemUs - before.cpuUserUs - before.cpuSystemUs,
        serverCpuS: opts.serverCpuSeconds() - serverBefore,
        benchCpuUs: bench.user + bench.system,
        peakRssBytes: after.peakRssBytes,
      });
    }
  }
  return new Map(climbs.map((c) => [c.arm.name, c.result()]));
}
