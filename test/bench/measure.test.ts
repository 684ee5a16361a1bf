/**
 * The benchmark's measuring rules, which decide what "kept up" and "throughput at saturation"
 * mean: the completion window of a step and the ladder's climb and bisection. Pure logic, no
 * server (the benchmark itself runs on one, on demand).
 */
import { Climb, windowRate, type Arm, type Sample, type StepResult } from '../../bench/measure';

const started = { workflowId: 'w', runId: 'r' };

/** Samples of a step at `rate`/s whose instance i completes at i/rate + lag + jitter(i). */
function samples(
  rate: number,
  count: number,
  lag: number,
  jitter: (i: number) => number,
): Sample[] {
  return Array.from({ length: count }, (_, i) => {
    const startAt = (i * 1000) / rate;
    const doneAt = startAt + lag + jitter(i);
    return { startMs: 5, completeMs: doneAt - startAt, doneAt, started };
  });
}

describe('windowRate', () => {
  it('counts every completion of a step that keeps up, even the first one completing early', () => {
    // 10/s, 10 starts 100 ms apart, unloaded latency 100 ms, each ±40 ms off it.
    const s = samples(10, 10, 100, (i) => (i % 2 === 0 ? -40 : 40));
    expect(windowRate(s, 0, 900, 10, 100)).toBeCloseTo(10, 5);
  });

  it('counts what completes while starts arrive when the worker falls behind', () => {
    // 10/s offered, but one completion every 200 ms: 5/s.
    const s = Array.from({ length: 10 }, (_, i): Sample => {
      const doneAt = 100 + i * 200;
      return { startMs: 5, completeMs: doneAt - i * 100, doneAt, started };
    });
    expect(windowRate(s, 0, 900, 10, 100)).toBeCloseTo(5, 5);
  });

  it('leaves out the backlog that drains after the last start', () => {
    // 5 complete on time, 5 come in a burst 2 s after the last start.
    const s = samples(10, 10, 100, (i) => (i < 5 ? 0 : 2000));
    expect(windowRate(s, 0, 900, 10, 100)).toBeCloseTo(5, 5);
  });
});

describe('Climb', () => {
  const arm: Arm = { name: 'A', start: async () => started };
  const step = (rate: number, completionRate: number): StepResult & { samples: Sample[] } => ({
    rate,
    count: 10,
    completionRate,
    keptUp: completionRate >= 0.9 * rate,
    latency: { p50: 100, p99: 120 },
    startCall: { p50: 5, p99: 6 },
    samples: samples(rate, 1, 100, () => 0),
  });
  const opts = { startRate: 4, stepSeconds: 5, maxSteps: 6, serverCpuSeconds: () => 0 };
  // Each step: 1 s of worker CPU, 2 s of server CPU, 0.5 s of bench CPU; peak RSS by rate.
  const cost = { workerCpuUs: 1e6, serverCpuS: 2, benchCpuUs: 5e5, peakRssBytes: 100 * 2 ** 20 };

  /** Runs the climb against a machine that keeps up with at most `capacity`/s. */
  function climb(capacity: number, extra: { refine?: number; maxSteps?: number } = {}): Climb {
    const c = new Climb(arm, { ...opts, ...extra });
    for (let rate = c.next(); rate !== undefined; rate = c.next())
      c.record(step(rate, Math.min(rate, capacity)), cost);
    return c;
  }

  it('climbs ×1.5, then bisects between the last rate kept up with and the first one not', () => {
    const c = climb(11.5, { refine: 3 });
    // 4, 6, 9 kept; 13.5 not (11.5 < 90 % of it); then 11.25 kept, 12.375 kept (11.5 is 93 %),
    // 12.9375 not (89 %).
    expect(c.steps.map((s) => s.rate)).toEqual([4, 6, 9, 13.5, 11.25, 12.375, 12.9375]);
    const r = c.result();
    expect(r.saturationRate).toBe(12.375);
    expect(r.limitFound).toBe(true);
    expect(r.throughput).toBe(11.5);
    expect(r.completed).toBe(70);
    // 7 steps of 10 instances: 7 s of worker CPU over 70 instances is 100 s per 1,000.
    expect(r.cpuSecondsPer1000).toBeCloseTo(100, 5);
    expect(r.serverCpuSecondsPer1000).toBeCloseTo(200, 5);
    expect(r.benchCpuSecondsPer1000).toBeCloseTo(50, 5);
    expect(r.peakRssMb).toBe(100);
  });

  it('without refine steps stops at the first rate not kept up with', () => {
    const r = climb(10).result();
    expect(r.steps.map((s) => s.rate)).toEqual([4, 6, 9, 13.5]);
    expect(r.saturationRate).toBe(9);
    expect(r.throughput).toBe(9);
  });

  it('stops after maxSteps when every step keeps up', () => {
    const r = climb(1000, { maxSteps: 3, refine: 4 }).result();
    expect(r.steps.map((s) => s.rate)).toEqual([4, 6, 9]);
    expect(r.saturationRate).toBe(9);
    expect(r.limitFound).toBe(false);
  });

  it('descends when the start rate is not kept up with, then bisects up from the first rate that is', () => {
    const c = new Climb(arm, { ...opts, refine: 2 });
    const latency = (rate: number) => (rate >= 4 ? 900 : 100); // 4/s and above overload it
    for (let rate = c.next(); rate !== undefined; rate = c.next())
      c.record(
        { ...step(rate, Math.min(rate, 3)), latency: { p50: latency(rate), p99: 999 } },
        cost,
      );
    // 4 not (3 < 3.6), 2.667 kept; then 3.333 kept (3 is 90 %), 3.667 not.
    expect(c.steps.map((s) => s.rate.toFixed(3))).toEqual(['4.000', '2.667', '3.333', '3.667']);
    const r = c.result();
    expect(r.saturationRate).toBeCloseTo(10 / 3, 5);
    expect(r.throughput).toBe(3);
    // The unloaded latency is the lowest rate kept up with, not the overloaded first step.
    expect(r.latency.p50).toBe(100);
    expect(c.lagMs).toBe(100);
  });

  it('reports no saturation when no rate down to the last step is kept up with', () => {
    const r = climb(0.5, { maxSteps: 3, refine: 4 }).result();
    expect(r.steps.map((s) => s.rate.toFixed(3))).toEqual(['4.000', '2.667', '1.778']);
    expect(r.saturationRate).toBe(0);
    expect(r.throughput).toBe(0);
    expect(r.limitFound).toBe(true);
  });
});
