/** Multi-instance activities (BPMN 2.0 §13.2.3, Camunda 8 zeebe:loopCharacteristics): src/engine/loop-body.ts. */
import type { MultiInstanceIR } from '../../../src/model/bpmn/ir';
import { PARALLEL_WINDOW } from '../../../src/engine/loop-body';
import { io, proc } from '../support/builder';
import { Sim } from '../support/sim';

const mi = (spec: Partial<MultiInstanceIR>): MultiInstanceIR => ({
  kind: 'multiInstance',
  sequential: false,
  ...spec,
});

function tasksOf(sim: Sim, elementId: string): string[] {
  return Object.values(sim.state.tokens)
    .filter((t) => t.elementId === elementId && t.loopCounter !== undefined)
    .map((t) => t.feiId);
}

describe('multi-instance', () => {
  it('parallel over a collection: one task per item with loopCounter, outputs collected in order', () => {
    // given a parallel multi-instance service task over `items`
    const ir = proc()
      .start('s')
      .serviceTask('t', { type: 'work' })
      .looped(
        mi({
          inputCollection: 'items',
          inputElement: 'item',
          outputCollection: 'results',
          outputElement: 'result',
        }),
      )
      .end('e')
      .build();
    const sim = new Sim(ir, { items: ['a', 'b', 'c'] });
    // then three tasks were scheduled at once, each with its item and loopCounter
    const scheduled = sim.commandsOf('scheduleTask');
    expect(scheduled.map((c) => [c.variables.item, c.variables.loopCounter])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(scheduled[0].variables.numberOfInstances).toBe(3);
    // when they complete out of order
    const [f1, f2, f3] = scheduled.map((c) => c.feiId);
    sim.send({ type: 'taskCompleted', feiId: f3, variables: { result: 'C' } });
    sim.send({ type: 'taskCompleted', feiId: f1, variables: { result: 'A' } });
    expect(sim.state.status).toBe('RUNNING');
    sim.send({ type: 'taskCompleted', feiId: f2, variables: { result: 'B' } });
    // then the collection is in item order, the result variable stayed local
    expect(sim.state.status).toBe('COMPLETED');
    expect(sim.vars()).toEqual({ items: ['a', 'b', 'c'], results: ['A', 'B', 'C'] });
    // and the trail has one entry per inner instance, then the body's
    expect(sim.state.trail.map((e) => [e.elementId, e.flowElementInstanceId, e.type])).toEqual([
      ['s', 'wf1/s/1', 'bpmn:StartEvent'],
      ['t', 'wf1/t/3', 'bpmn:ServiceTask'],
      ['t', 'wf1/t/1', 'bpmn:ServiceTask'],
      ['t', 'wf1/t/2', 'bpmn:ServiceTask'],
      ['t', 'wf1/t~body/1', 'bpmn:MultiInstanceLoopCharacteristics'],
      ['e', 'wf1/e/1', 'bpmn:EndEvent'],
    ]);
  });

  it('sequential: one instance at a time, in collection order', () => {
    const ir = proc()
      .start('s')
      .serviceTask('t', { type: 'work' })
      .looped(mi({ sequential: true, inputCollection: 'items', inputElement: 'x' }))
      .end('e')
      .build();
    const sim = new Sim(ir, { items: [10, 20, 30] });
    const seen: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      const open = sim.commandsOf('scheduleTask', sim.last);
      expect(open).toHaveLength(1);
      seen.push([open[0].variables.x, open[0].variables.loopCounter]);
      sim.send({ type: 'taskCompleted', feiId: open[0].feiId });
    }
    expect(seen).toEqual([
      [10, 1],
      [20, 2],
      [30, 3],
    ]);
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('loopCardinality without a collection; an empty collection completes at once', () => {
    const ir = proc()
      .start('s')
      .script('t', 'loopCounter * 10', 'v', { outputs: io({}) })
      .looped(mi({ loopCardinality: 'n', outputCollection: 'out', outputElement: 'v' }))
      .end('e')
      .build();
    expect(new Sim(ir, { n: 3 }).vars()).toEqual({ n: 3, out: [10, 20, 30] });
    expect(new Sim(ir, { n: 0 }).vars()).toEqual({ n: 0, out: [] });
    const bad = new Sim(ir, { n: 'x' });
    expect(Object.values(bad.state.incidents).map((i) => i.message)).toEqual([
      'element \'t\': loopCardinality evaluated to "x", not a whole number ≥ 0',
    ]);
  });

  it('completionCondition stops early, cancels the rest and sees the counters', () => {
    const ir = proc()
      .start('s')
      .serviceTask('t', { type: 'vote' })
      .looped(
        mi({
          inputCollection: 'voters',
          outputCollection: 'votes',
          outputElement: 'vote',
          completionCondition: 'numberOfCompletedInstances >= 2',
        }),
      )
      .end('e')
      .build();
    const sim = new Sim(ir, { voters: [1, 2, 3, 4] });
    const fei = sim.commandsOf('scheduleTask').map((c) => c.feiId);
    sim.send({ type: 'taskCompleted', feiId: fei[1], variables: { vote: 'yes' } });
    sim.send({ type: 'taskCompleted', feiId: fei[3], variables: { vote: 'no' } });
    expect(sim.state.status).toBe('COMPLETED');
    expect(sim.commandsOf('cancelWork').map((c) => c.feiId)).toEqual([fei[0], fei[2]]);
    expect(sim.vars().votes).toEqual([null, 'yes', null, 'no']);
  });

  it('an error in one parallel instance is caught on the body and cancels the siblings', () => {
    const ir = proc()
      .start('s')
      .serviceTask('t', { type: 'work' })
      .looped(mi({ loopCardinality: '3' }))
      .end('e')
      .boundary('failed', 't', { error: 'BAD' })
      .end('handled')
      .build();
    const sim = new Sim(ir);
    const fei = sim.commandsOf('scheduleTask').map((c) => c.feiId);
    sim.send({ type: 'taskFailed', feiId: fei[1], errorCode: 'BAD', message: 'no' });
    expect(sim.commandsOf('cancelWork', sim.last).map((c) => c.feiId)).toEqual([fei[0], fei[2]]);
    expect(sim.trail()).toEqual(['s', 'failed', 'handled']);
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('a timer boundary on the body is armed once and interrupts every instance', () => {
    const ir = proc()
      .start('s')
      .userTask('u')
      .looped(mi({ loopCardinality: '2' }))
      .end('e')
      .boundary('late', 'u', { timer: { expression: 'PT1H' } })
      .end('timedOut')
      .build();
    const sim = new Sim(ir);
    expect(sim.commandsOf('startTimer')).toHaveLength(1);
    expect(Object.keys(sim.state.userTasks)).toEqual(['wf1/u/1', 'wf1/u/2']);
    sim.advance(3_600_000);
    expect(sim.state.userTasks).toEqual({});
    expect(sim.trail()).toEqual(['s', 'late', 'timedOut']);
  });

  it('a multi-instance subprocess: each instance has its own scope with the item', () => {
    const ir = proc()
      .start('s')
      .subProcess('sp', (b) => b.start('ss').script('double', 'x * 2', 'y').end('se'))
      .looped(
        mi({
          inputCollection: '[1, 2]',
          inputElement: 'x',
          outputCollection: 'ys',
          outputElement: 'y',
        }),
      )
      .end('e')
      .build();
    const sim = new Sim(ir);
    // the output element `y` is local to each instance (as Zeebe), so only the collection leaves
    expect(sim.vars()).toEqual({ ys: [2, 4] });
    expect(
      sim.state.trail.filter((e) => e.elementId === 'sp').map((e) => e.flowElementInstanceId),
    ).toEqual(['wf1/sp/1', 'wf1/sp/2', 'wf1/sp~body/1']);
  });

  it('a large parallel collection runs in a window and survives a JSON round trip', () => {
    const ir = proc()
      .start('s')
      .serviceTask('t', { type: 'noop' })
      .looped(mi({ loopCardinality: 'n', outputCollection: 'out', outputElement: 'loopCounter' }))
      .end('e')
      .build();
    const n = PARALLEL_WINDOW * 2 + 7;
    const sim = new Sim(ir, { n });
    expect(tasksOf(sim, 't')).toHaveLength(PARALLEL_WINDOW);
    let done = 0;
    while (sim.state.status === 'RUNNING') {
      const fei = tasksOf(sim, 't')[0];
      if (done % 100 === 0) sim.roundTrip();
      sim.send({ type: 'taskCompleted', feiId: fei });
      done += 1;
      expect(tasksOf(sim, 't').length).toBeLessThanOrEqual(PARALLEL_WINDOW);
    }
    expect(done).toBe(n);
    expect(sim.vars().out).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  });

  it('a non-interrupting event subprocess fires twice while a parallel body runs; the body completes unharmed', () => {
    // given a parallel multi-instance service task and a non-interrupting message event subprocess
    const ir = proc()
      .start('s')
      .serviceTask('t', { type: 'work' })
      .looped(mi({ inputCollection: 'items', inputElement: 'item' }))
      .end('e')
      .eventSubProcess(
        'esp',
        { kind: 'message', message: { name: 'ping' } },
        (b) =>
          b.start('es').script('count', 'if pings = null then 1 else pings + 1', 'pings').end('ee'),
        { interrupting: false },
      )
      .build();
    const sim = new Sim(ir, { items: [1, 2, 3] });
    const [f1, f2, f3] = sim.commandsOf('scheduleTask').map((c) => c.feiId);
    // when the event subprocess fires before, between and after inner completions
    sim.message('ping');
    sim.send({ type: 'taskCompleted', feiId: f2 });
    sim.message('ping');
    expect(tasksOf(sim, 't').sort()).toEqual([f1, f3].sort());
    sim.send({ type: 'taskCompleted', feiId: f1 });
    sim.send({ type: 'taskCompleted', feiId: f3 });
    // then both event subprocess instances ran, every inner instance completed once, and so did the body
    expect(sim.state.status).toBe('COMPLETED');
    expect(sim.vars()).toMatchObject({ pings: 2 });
    expect(sim.trail().filter((id) => id === 'esp')).toHaveLength(2);
    expect(sim.trail().filter((id) => id === 't')).toHaveLength(4); // three inner + the body
    expect(sim.trail().at(-1)).toBe('e');
  });
});
