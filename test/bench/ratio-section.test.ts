/**
 * The "B/A in every scenario" figures: each interpreted arm against its matching hand-written
 * arm (regular with regular, local with local), a bound flagged where a ladder never fell
 * behind, and the total CPU per durable step from the three CPU figures over the nodes.
 */
import type { LadderResult } from '../../bench/measure';
import { ratios } from '../../bench/ratio-section';
import type { ArmResult, ScenarioResult } from '../../bench/report';

function arm(
  name: ArmResult['arm'],
  throughput: number,
  workerCpu: number,
  limitFound = true,
): ArmResult {
  const ladder = {
    throughput,
    limitFound,
    cpuSecondsPer1000: workerCpu,
    serverCpuSecondsPer1000: 90,
    benchCpuSecondsPer1000: 10,
  } as LadderResult;
  return { arm: name, ladder, history: {} as ArmResult['history'] };
}

const pair = (name: string, nodes: number, arms: ArmResult[]): ScenarioResult => ({
  kind: 'pair',
  name,
  title: name,
  nodes,
  reps: 1,
  arms,
});

describe('ratios', () => {
  it('pairs regular with regular and local with local, never across modes', () => {
    const rs = ratios([
      pair('seq-10', 10, [
        arm('A', 10, 40),
        arm('B', 9, 44),
        arm('A-local', 25, 30),
        arm('B-local', 20, 36),
      ]),
    ]);
    expect(rs.map((r) => [r.mode, r.throughput, r.workerCpu])).toEqual([
      ['regular', 0.9, 1.1],
      ['local', 0.8, 1.2],
    ]);
  });

  it('gives the total CPU per durable step of each arm over the scenario nodes', () => {
    const [r] = ratios([pair('seq-10', 10, [arm('A', 10, 40), arm('B', 10, 60)])]);
    expect(r.stepCpuMs).toEqual([14, 16]);
  });

  it('flags a ratio as a bound when either ladder never fell behind', () => {
    const [r] = ratios([pair('par-100', 100, [arm('A', 4, 100), arm('B', 4, 120, false)])]);
    expect(r.lowerBound).toBe(true);
  });

  it("compares the loop's one long instance by wall time and worker CPU", () => {
    const loop = (a: 'A' | 'B', totalSeconds: number, cpuSeconds: number) => ({
      arm: a,
      totalSeconds,
      iterationsPerSecond: 0,
      continueAsNew: 0,
      cpuSeconds,
      rssMb: { firstHalfMax: 0, secondHalfMax: 0, last: 0 },
      history: {} as ArmResult['history'],
    });
    const [r] = ratios([
      {
        kind: 'loop',
        name: 'loop-10000',
        title: 'loop',
        iterations: 10000,
        arms: [loop('A', 100, 50), loop('B', 125, 60)],
      },
    ]);
    expect(r).toMatchObject({
      scenario: 'loop-10000',
      mode: 'regular',
      throughput: 0.8,
      workerCpu: 1.2,
    });
  });

  it('skips scenarios without both arms', () => {
    expect(ratios([pair('seq-1', 1, [arm('B', 10, 40)])])).toEqual([]);
  });
});
