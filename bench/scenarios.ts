/**
 * The scenarios: each names the BPMN model (arm B) and the hand-written workflow of the same
 * shape (arm A), how many service tasks it runs, how it is driven, and how hard the ladder
 * pushes in a full and a quick run.
 */
import { completeUserTaskUpdate } from '../workflows/messages';
import type { FanoutScenario } from './fanout';
import type { BenchEnv, Started } from './harness';
import * as models from './models';
import { CallbackService } from './callback';
import { PARALLEL_WINDOW } from '../src/engine/loop-body';

export interface PairScenario {
  kind: 'pair';
  name: string;
  title: string;
  xml: string;
  hand: { type: string; args: unknown[] };
  variables: Record<string, unknown>;
  /** Service tasks (or timers / user tasks) per instance: the "nodes" events are divided by. */
  nodes: number;
  /**
   * The hand-written workflow with local activities: adds arms A-local and B-local (Waymark's
   * built-in tasks in local mode, driver revision 5; arm B then runs them as regular ones).
   */
  localHand?: { type: string; args: unknown[] };
  /** Also climb the ladder with starts through HTTP (arm B-http). */
  httpLadder?: boolean;
  /** Also time client against HTTP starts one at a time (`sequentialStarts`): the API's overhead. */
  httpStarts?: boolean;
  /** Repetitions in a full run, if not the run's `--reps`. */
  reps?: number;
  /** Outside services the scenario needs (started per run): variables and hand args use them. */
  setup?: (env: BenchEnv) => Promise<ScenarioSetup>;
  /** Completes what the instance waits for (a user task). */
  drive?: (env: BenchEnv, s: Started, arm: 'A' | 'B') => Promise<void>;
  startRate: number;
  /**
   * Bisection steps after the ladder, to find the saturation rate more finely: in a full run
   * `DEFAULT_REFINE` unless set; in a quick run 2 where set, else none.
   */
  refine?: number;
  /** Run the rate ladder in quick mode too (else one step at startRate). */
  ladderInQuick: boolean;
}

export interface ScenarioSetup {
  variables: Record<string, unknown>;
  handArgs: unknown[];
  close(): Promise<void>;
}

/** The customer's service for the `callback` scenario (bench/callback.ts). */
async function callbackService(env: BenchEnv): Promise<ScenarioSetup> {
  const service = await CallbackService.start(env.client);
  return {
    variables: { serviceUrl: service.url },
    handArgs: [service.url],
    close: async () => {
      await service.close();
      if (service.failures > 0) throw new Error(`${service.failures} callbacks failed`);
    },
  };
}

export interface LargeScenario {
  kind: 'large';
  name: string;
  title: string;
  nodes: number;
}

export interface LoopScenario {
  kind: 'loop';
  name: string;
  title: string;
  iterations: number;
}

export interface CacheScenario {
  kind: 'cache';
  name: string;
  title: string;
  instances: number;
}

export type Scenario = PairScenario | LargeScenario | LoopScenario | CacheScenario | FanoutScenario;

const seq = (
  n: number,
  startRate: number,
  extra: Pick<PairScenario, 'ladderInQuick'> & Partial<PairScenario>,
): PairScenario => ({
  kind: 'pair',
  name: `seq-${n}`,
  title: `Sequential, ${n} noop service task${n === 1 ? '' : 's'}`,
  xml: models.sequentialModel(n),
  hand: { type: 'handSequential', args: [n] },
  variables: {},
  nodes: n,
  startRate,
  ...extra,
});

const completeUserTask = async (env: BenchEnv, s: Started, arm: 'A' | 'B'): Promise<void> => {
  const handle = env.client.workflow.getHandle(s.workflowId, s.runId);
  await handle.executeUpdate(completeUserTaskUpdate, {
    args: [{ flowElementInstanceId: arm === 'A' ? 'task' : `${s.workflowId}/UserTask_1/1` }],
  });
};

/** Every pair scenario's bisection steps in a full run, unless it names its own (issue 20). */
export const DEFAULT_REFINE = 3;

/** Scenarios left out of a quick run (the slowest pair scenarios). */
const NOT_IN_QUICK = new Set(['seq-50', 'par-100', 'mi-10000']);

/** Every scenario, in run order; `quick` drops the slowest and shrinks loop and cache. */
export function scenarios(quick: boolean): Scenario[] {
  return allScenarios(quick).filter((s) => !quick || !NOT_IN_QUICK.has(s.name));
}

function allScenarios(quick: boolean): Scenario[] {
  return [
    seq(1, 8, { ladderInQuick: false, httpLadder: true }),
    // The targets' scenario: more repetitions, since B/A throughput is judged at ±5 %.
    seq(10, 4, {
      ladderInQuick: true,
      httpStarts: true,
      reps: 5,
      refine: 4,
      localHand: { type: 'handSequentialLocal', args: [10] },
    }),
    seq(50, 1, { ladderInQuick: false }),
    {
      kind: 'pair',
      name: 'par-10',
      title: 'Parallel split/join of 10 noop tasks',
      xml: models.parallelModel(10),
      hand: { type: 'handParallel', args: [10] },
      variables: {},
      nodes: 10,
      startRate: 4,
      ladderInQuick: false,
    },
    {
      kind: 'pair',
      name: 'par-100',
      title: 'Parallel split/join of 100 noop tasks',
      xml: models.parallelModel(100),
      hand: { type: 'handParallel', args: [100] },
      variables: {},
      nodes: 100,
      startRate: 0.5,
      ladderInQuick: false,
    },
    {
      kind: 'pair',
      name: 'gw-10',
      title: 'Chain of 10 exclusive gateways, one noop task each',
      xml: models.gatewayModel(10),
      hand: { type: 'handGateway', args: [10, { x: 1 }] },
      variables: { x: 1 },
      nodes: 10,
      startRate: 4,
      ladderInQuick: false,
    },
    {
      kind: 'pair',
      name: 'timer',
      title: 'One timer (PT1S)',
      xml: models.timerModel(),
      hand: { type: 'handTimer', args: [] },
      variables: {},
      nodes: 1,
      startRate: 8,
      ladderInQuick: false,
    },
    {
      kind: 'pair',
      name: 'user-task',
      title: 'One user task completed by update',
      xml: models.userTaskModel(),
      hand: { type: 'handUserTask', args: [] },
      variables: {},
      nodes: 1,
      drive: completeUserTask,
      startRate: 8,
      ladderInQuick: false,
    },
    {
      kind: 'pair',
      name: 'mi-10',
      title: 'Parallel multi-instance of 10 noop tasks (the ladder; mi-100/mi-10000 below)',
      xml: models.multiInstanceModel(),
      hand: { type: 'handFanout', args: [10, PARALLEL_WINDOW] },
      variables: { n: 10 },
      nodes: 10,
      startRate: 4,
      ladderInQuick: false,
    },
    {
      kind: 'pair',
      name: 'callback',
      title: 'One custom activity: POST, acknowledgement, callback over HTTP',
      xml: models.callbackModel(),
      hand: { type: 'handCallback', args: [] },
      variables: {},
      setup: callbackService,
      nodes: 1,
      startRate: 8,
      ladderInQuick: false,
    },
    { kind: 'large', name: 'large-1000', title: 'Generated 1,000-node model', nodes: 1000 },
    {
      kind: 'loop',
      name: quick ? 'loop-800' : 'loop-10000',
      title: `Loop of ${quick ? '800' : '10,000'} iterations (noop task each)`,
      iterations: quick ? 800 : 10_000,
    },
    {
      kind: 'fanout',
      name: 'mi-100',
      title: 'Parallel multi-instance, 100 noop tasks',
      items: 100,
    },
    {
      kind: 'fanout',
      name: 'mi-10000',
      title: 'Parallel multi-instance, 10,000 noop tasks',
      items: 10_000,
    },
    {
      kind: 'cache',
      name: 'cache-seq-10',
      title: 'Worker memory per cached workflow (10 noop tasks, then waiting)',
      instances: quick ? 60 : 500,
    },
  ];
}
