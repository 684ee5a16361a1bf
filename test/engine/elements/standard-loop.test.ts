/** Standard loop activities (BPMN 2.0 §13.2.2): src/engine/loop-body.ts. */
import type { StandardLoopIR } from '../../../src/model/bpmn/ir';
import { io, proc } from '../support/builder';
import { Sim } from '../support/sim';

const loop = (spec: Partial<StandardLoopIR>): StandardLoopIR => ({
  kind: 'standardLoop',
  testBefore: false,
  ...spec,
});

describe('standard loop', () => {
  it('repeats while the condition, reading a variable the body writes, holds (do-while)', () => {
    // given a script that increments `count`, looping while count < 3
    const ir = proc()
      .start('s')
      .script('inc', 'count + 1', 'count')
      .looped(loop({ loopCondition: 'count < 3' }))
      .end('e')
      .build();
    // when it runs from count = 0
    const sim = new Sim(ir, { count: 0 });
    // then it ran three times, then the body completed
    expect(sim.vars()).toEqual({ count: 3 });
    expect(sim.state.trail.map((e) => e.flowElementInstanceId)).toEqual([
      'wf1/s/1',
      'wf1/inc/1',
      'wf1/inc/2',
      'wf1/inc/3',
      'wf1/inc~body/1',
      'wf1/e/1',
    ]);
  });

  it('testBefore: a false condition runs no iteration; without it one runs', () => {
    const build = (testBefore: boolean) =>
      proc()
        .start('s')
        .script('inc', 'count + 1', 'count')
        .looped(loop({ loopCondition: 'count < 3', testBefore }))
        .end('e')
        .build();
    expect(new Sim(build(true), { count: 5 }).vars()).toEqual({ count: 5 });
    expect(new Sim(build(false), { count: 5 }).vars()).toEqual({ count: 6 });
  });

  it('loopMaximum bounds the iterations; loopCounter counts them', () => {
    const ir = proc()
      .start('s')
      .serviceTask('t', { type: 'poll' })
      .looped(loop({ loopCondition: 'true', loopMaximum: 3 }))
      .end('e')
      .build();
    const sim = new Sim(ir);
    const counters: unknown[] = [];
    while (sim.state.status === 'RUNNING') {
      const cmd = sim.commandsOf('scheduleTask', sim.last)[0];
      counters.push(cmd.variables.loopCounter);
      sim.send({ type: 'taskCompleted', feiId: cmd.feiId });
    }
    expect(counters).toEqual([1, 2, 3]);
  });

  it('a condition that is not true (null from a missing variable) ends the loop', () => {
    const ir = proc()
      .start('s')
      .task('t', { outputs: io({ n: 'loopCounter' }) })
      .looped(loop({ loopCondition: 'missing > 1' }))
      .end('e')
      .build();
    const sim = new Sim(ir);
    expect(sim.state.status).toBe('COMPLETED');
    expect(sim.vars()).toEqual({ n: 1 });
  });
});
