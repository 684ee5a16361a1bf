/**
 * Random well-formed process graphs for the engine's property tests: a block-structured
 * (series-parallel) shape — tasks of several kinds, parallel fork/join pairs, exclusive
 * split/merge pairs with a default flow, embedded subprocesses — turned into IR with the test
 * builder. Each exclusive split reads a variable `c_<id>` chosen up front, so the set of
 * elements a run must complete is known from the shape alone (`expectedVisits`).
 */
import fc from 'fast-check';
import { proc } from '../support/builder';
import type { ProcBuilder } from '../support/builder';
import type { ProcessIR } from '../../../src/model/bpmn/ir';

export type TaskKind = 'service' | 'user' | 'script' | 'timer' | 'manual';

export type Block =
  | { kind: 'task'; task: TaskKind }
  | { kind: 'seq'; items: Block[] }
  | { kind: 'par'; branches: Block[] }
  | { kind: 'xor'; branches: Block[]; pick: number }
  | { kind: 'sub'; body: Block }
  /** A task with an interrupting timer boundary; both ways meet at an exclusive merge. */
  | { kind: 'race'; host: 'service' | 'user' };

/** The top level: start → body → one end, or a fork whose branches each reach their own end. */
export interface Shape {
  body: Block;
  /** Branches of a final fork without join (each ends at its own end event); empty: one end. */
  tails: Block[];
}

const taskKind = fc.constantFrom<TaskKind>('service', 'user', 'script', 'timer', 'manual');

const blockArb: fc.Arbitrary<Block> = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('task' as const), task: taskKind }),
    fc.record({
      kind: fc.constant('seq' as const),
      items: fc.array(tie('block'), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      kind: fc.constant('par' as const),
      branches: fc.array(tie('block'), { minLength: 2, maxLength: 3 }),
    }),
    fc
      .record({
        kind: fc.constant('xor' as const),
        branches: fc.array(tie('block'), { minLength: 2, maxLength: 3 }),
        pick: fc.nat(),
      })
      .map((x) => ({ ...x, pick: x.pick % x.branches.length })),
    fc.record({ kind: fc.constant('sub' as const), body: tie('block') }),
    fc.record({
      kind: fc.constant('race' as const),
      host: fc.constantFrom('service', 'user' as const),
    }),
  ),
})).block;

export const shapeArb: fc.Arbitrary<Shape> = fc.record({
  body: blockArb,
  tails: fc.oneof(fc.constant<Block[]>([]), fc.array(blockArb, { minLength: 2, maxLength: 3 })),
});

/** A built graph: the IR, the start variables and, per element id, completions expected. */
export interface Graph {
  ir: ProcessIR;
  variables: Record<string, number>;
  /** Element id → how many times a complete run completes it (0 or 1 in these shapes). */
  expected: Map<string, number>;
  /** Parallel joins and the forks they close. */
  joins: string[];
  /** Races run: exactly one of [host, boundary] completes (their counts are -1 in `expected`). */
  races: Array<[string, string]>;
  ends: string[];
}

class Emitter {
  private n = 0;
  readonly variables: Record<string, number> = {};
  readonly expected = new Map<string, number>();
  readonly joins: string[] = [];
  readonly races: Array<[string, string]> = [];
  readonly ends: string[] = [];

  id(prefix: string): string {
    this.n += 1;
    return `${prefix}${this.n}`;
  }

  mark(id: string, visited: boolean): void {
    this.expected.set(id, visited ? 1 : 0);
  }

  /** Emits `block` after the builder's cursor; leaves the cursor at its last element. */
  emit(b: ProcBuilder, block: Block, visited: boolean): void {
    switch (block.kind) {
      case 'task':
        return this.task(b, block.task, visited);
      case 'seq':
        for (const item of block.items) this.emit(b, item, visited);
        return;
      case 'par':
        return this.pair(b, 'fork', 'join', block.branches, () => visited, visited);
      case 'xor':
        return this.pair(
          b,
          'split',
          'merge',
          block.branches,
          (i) => visited && i === block.pick,
          visited,
          block.pick,
        );
      case 'race':
        return this.race(b, block.host, visited);
      case 'sub': {
        const id = this.id('sub');
        b.subProcess(id, (inner) => {
          const s = this.id('subStart');
          inner.start(s);
          this.mark(s, visited);
          this.emit(inner, block.body, visited);
          const e = this.id('subEnd');
          inner.end(e);
          this.mark(e, visited);
        });
        this.mark(id, visited);
        return;
      }
    }
  }

  private task(b: ProcBuilder, kind: TaskKind, visited: boolean): void {
    const id = this.id(kind);
    if (kind === 'service') b.serviceTask(id, { type: 'work' });
    else if (kind === 'user') b.userTask(id);
    else if (kind === 'script') b.script(id, 'count + 1', 'count');
    else if (kind === 'timer') b.timerCatch(id, { expression: 'PT5S' });
    else b.manualTask(id);
    this.mark(id, visited);
  }

  private race(b: ProcBuilder, host: 'service' | 'user', visited: boolean): void {
    const id = this.id(host);
    if (host === 'service') b.serviceTask(id, { type: 'work' });
    else b.userTask(id);
    const merge = this.id('raceMerge');
    b.exclusive(merge);
    const timer = this.id('deadline');
    const late = this.id('late');
    b.boundary(timer, id, { timer: { expression: 'PT3S' } })
      .manualTask(late)
      .connect(merge);
    b.from(merge);
    this.expected.set(id, visited ? -1 : 0);
    this.expected.set(timer, visited ? -1 : 0);
    this.expected.set(late, visited ? -1 : 0);
    this.mark(merge, visited);
    if (visited) this.races.push([id, timer]);
  }

  /** A gateway pair; `pick` set: an exclusive split whose last branch is the default flow. */
  private pair(
    b: ProcBuilder,
    splitPrefix: string,
    joinPrefix: string,
    branches: Block[],
    branchVisited: (i: number) => boolean,
    visited: boolean,
    pick?: number,
  ): void {
    const split = this.id(splitPrefix);
    const join = this.id(joinPrefix);
    if (pick === undefined) b.parallel(split);
    else b.exclusive(split);
    if (pick !== undefined && visited) this.variables[`c_${split}`] = pick;
    branches.forEach((branch, i) => {
      b.from(split);
      if (pick !== undefined) {
        if (i < branches.length - 1) b.when(`c_${split} = ${i}`);
        else b.otherwise();
      }
      this.emit(b, branch, branchVisited(i));
      if (i === 0) {
        if (pick === undefined) b.parallel(join);
        else b.exclusive(join);
      } else b.connect(join);
    });
    b.from(join);
    this.mark(split, visited);
    this.mark(join, visited);
    if (pick === undefined) this.joins.push(join);
  }
}

export function buildGraph(shape: Shape): Graph {
  const em = new Emitter();
  const b = proc().start('start');
  em.mark('start', true);
  em.emit(b, shape.body, true);
  if (shape.tails.length === 0) {
    b.end('end');
    em.mark('end', true);
    em.ends.push('end');
  } else {
    const fork = em.id('fork');
    b.parallel(fork);
    em.mark(fork, true);
    for (const tail of shape.tails) {
      b.from(fork);
      em.emit(b, tail, true);
      const end = em.id('end');
      b.end(end);
      em.mark(end, true);
      em.ends.push(end);
    }
  }
  return {
    ir: b.build(),
    variables: { count: 0, ...em.variables },
    expected: em.expected,
    joins: em.joins,
    races: em.races,
    ends: em.ends,
  };
}
