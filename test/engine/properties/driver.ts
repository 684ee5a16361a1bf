/**
 * Drives a Sim with random engine events: at each step it lists what the instance waits on
 * (service tasks in flight, open user tasks, pending timers) and lets a stream of random
 * choices pick one — so tasks complete in random order, timers fire amid other work. A twin
 * Sim fed the same events from a JSON copy of its state at every step must stay identical.
 */
import { activeElements } from '../../../src/engine';
import type { EngineCommand, EngineState } from '../../../src/engine/types';
import { Sim } from '../support/sim';
import type { Graph } from './graphs';

export type Action =
  | { kind: 'task'; feiId: string; elementId: string }
  | { kind: 'user'; feiId: string; elementId: string }
  | { kind: 'timer'; timerId: string; elementId: string; feiId: string; dueAt: number };

/** What the instance waits on now, in a stable order. */
export function pendingActions(sim: Sim): Action[] {
  const out: Action[] = [];
  const s = sim.state;
  for (const t of Object.values(s.tokens)) {
    if (t.work === 'task') out.push({ kind: 'task', feiId: t.feiId, elementId: t.elementId });
  }
  for (const u of Object.values(s.userTasks)) {
    out.push({ kind: 'user', feiId: u.flowElementInstanceId, elementId: u.elementId });
  }
  for (const t of Object.values(s.timers)) {
    // a boundary timer's feiId is its host's: the host is what activeElements names
    out.push({
      kind: 'timer',
      timerId: t.id,
      elementId: t.elementId,
      feiId: t.feiId,
      dueAt: t.dueAt,
    });
  }
  return out;
}

function apply(sim: Sim, a: Action, n: number): EngineCommand[] {
  if (a.kind === 'task') {
    return sim.send({ type: 'taskCompleted', feiId: a.feiId, variables: { [`r${n}`]: n } });
  }
  if (a.kind === 'user') {
    return sim.send({ type: 'userTaskCompleted', feiId: a.feiId, variables: { [`u${n}`]: n } });
  }
  return sim.advance(Math.max(0, a.dueAt - sim.now));
}

export interface RunResult {
  sim: Sim;
  steps: number;
  /** Set when a property broke mid-run. */
  problem?: string;
}

const MAX_STEPS = 500;

function snapshot(state: EngineState): string {
  return JSON.stringify(state);
}

/**
 * Checks, before each event, that a RUNNING instance waits on something named by
 * `activeElements`, and after each event that the round-tripped twin matches.
 */
export function run(graph: Graph, choices: number[]): RunResult {
  const sim = new Sim(graph.ir, graph.variables);
  const twin = new Sim(graph.ir, graph.variables);
  let steps = 0;
  for (; steps < MAX_STEPS && sim.state.status === 'RUNNING'; steps++) {
    const actions = pendingActions(sim);
    const listed = activeElements(graph.ir, sim.state);
    const active = new Set(listed.map((a) => a.flowElementInstanceId));
    if (actions.length === 0) {
      const ids = listed.map((a) => a.elementId);
      return { sim, steps, problem: `RUNNING with nothing to wait on; active: ${ids.join(',')}` };
    }
    const unnamed = actions.find((a) => !active.has(a.feiId));
    if (unnamed) return { sim, steps, problem: `waits on ${unnamed.elementId}, not listed` };
    const a = actions[choices.length ? choices[steps % choices.length] % actions.length : 0];
    const cmds = apply(sim, a, steps);
    twin.roundTrip();
    const twinCmds = apply(twin, a, steps);
    if (JSON.stringify(twinCmds) !== JSON.stringify(cmds)) {
      return { sim, steps, problem: `round-trip: commands differ at step ${steps}` };
    }
    if (snapshot(twin.state) !== snapshot(sim.state)) {
      return { sim, steps, problem: `round-trip: state differs at step ${steps}` };
    }
  }
  return { sim, steps };
}
