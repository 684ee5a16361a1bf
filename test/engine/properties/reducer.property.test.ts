/**
 * Property tests of the engine reducer over random well-formed graphs (graphs.ts) driven by
 * random events (driver.ts). `WAYMARK_PROPERTY_RUNS` raises the number of runs (default 150);
 * a failure prints fast-check's seed and the shrunk counterexample.
 */
import fc from 'fast-check';
import type { ProcessIR } from '../../../src/model/bpmn/ir';
import type { TrailEntry } from '../../../src/engine/types';
import { buildGraph, shapeArb } from './graphs';
import type { Graph } from './graphs';
import { run } from './driver';
import { propertyParams } from '../../support/property-params';

const params = propertyParams();

const caseArb = fc.record({
  shape: shapeArb,
  choices: fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 40 }),
});

function counts(trail: TrailEntry[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const e of trail) m.set(e.elementId, (m.get(e.elementId) ?? 0) + 1);
  return m;
}

function predecessors(ir: ProcessIR, id: string): string[] {
  return ir.elements[id].incoming.map((f) => ir.flows[f].sourceId);
}

/** Each trail entry's predecessors (all of them for a parallel join) completed before it. */
function trailProblem(graph: Graph, trail: TrailEntry[]): string | undefined {
  const { ir } = graph;
  if (trail[0]?.elementId !== 'start') return `trail starts with ${trail[0]?.elementId}`;
  const seen = new Set<string>();
  for (const e of trail) {
    const el = ir.elements[e.elementId];
    if (!el) return `trail holds ${e.elementId}, not in the graph`;
    const preds = predecessors(ir, e.elementId);
    const done = preds.filter((p) => seen.has(p));
    if (el.type === 'parallelGateway' && preds.length > 1 && done.length < preds.length) {
      return `join ${e.elementId} completed before ${preds.filter((p) => !seen.has(p))}`;
    }
    if (preds.length > 0 && done.length === 0) return `${e.elementId} before its predecessors`;
    if (el.type === 'subProcess') {
      const inner = Object.values(ir.elements).filter(
        (x) => x.parentId === el.id && graph.expected.get(x.id) === 1,
      );
      const missing = inner.find((x) => !seen.has(x.id));
      if (missing) return `subprocess ${el.id} completed before its ${missing.id}`;
    }
    seen.add(e.elementId);
  }
  return undefined;
}

describe('engine reducer properties', () => {
  it('every run completes or waits on named work, and a JSON copy of the state continues identically', () => {
    fc.assert(
      fc.property(caseArb, ({ shape, choices }) => {
        const graph = buildGraph(shape);
        const r = run(graph, choices);
        expect(r.problem).toBeUndefined();
        expect(r.sim.state.status).toBe('COMPLETED');
      }),
      params,
    );
  });

  it('tokens are conserved through joins: each element completes as often as the shape says', () => {
    fc.assert(
      fc.property(caseArb, ({ shape, choices }) => {
        const graph = buildGraph(shape);
        const { sim } = run(graph, choices);
        expect(sim.state.status).toBe('COMPLETED');
        const got = counts(sim.state.trail);
        for (const [host, timer] of graph.races) {
          // exactly one way out of a race: the task, or its deadline (then the `late` task)
          expect([got.get(host) ?? 0, got.get(timer) ?? 0].sort()).toEqual([0, 1]);
        }
        const want = new Map([...graph.expected].filter(([, n]) => n > 0));
        const exact = [...got].filter(([id]) => graph.expected.get(id) !== -1);
        expect(Object.fromEntries(exact)).toEqual(Object.fromEntries(want));
        for (const end of graph.ends) expect(got.get(end)).toBe(1);
        expect(Object.keys(sim.state.tokens)).toEqual([]);
        const leftInJoins = Object.values(sim.state.joins).filter((arrived) => arrived.length);
        expect(leftInJoins).toEqual([]);
      }),
      params,
    );
  });

  it('the trail is consistent: graph elements only, start first, each after its predecessors', () => {
    fc.assert(
      fc.property(caseArb, ({ shape, choices }) => {
        const graph = buildGraph(shape);
        const { sim } = run(graph, choices);
        expect(trailProblem(graph, sim.state.trail)).toBeUndefined();
        for (const e of sim.state.trail) expect(e.startedAt <= e.endedAt).toBe(true);
      }),
      params,
    );
  });
});
