import { io, proc } from '../support/builder';
import { Sim } from '../support/sim';

describe('sub-process', () => {
  it('an error end inside is caught by the error boundary on the subprocess, which is interrupted', () => {
    // given: a subprocess with a parallel user task and an error end
    const ir = proc()
      .start('s')
      .subProcess('sp', (b) =>
        b
          .start('ss')
          .parallel('f')
          .userTask('pending')
          .end('ie')
          .from('f')
          .serviceTask('check', { type: 'check' })
          .exclusive('ok')
          .when('valid')
          .end('fine')
          .from('ok')
          .otherwise()
          .errorEnd('invalid', 'INVALID'),
      )
      .end('e')
      .boundary('onInvalid', 'sp', { error: 'INVALID' })
      .task('fix')
      .end('fixed')
      .build();
    const sim = new Sim(ir);
    // when
    sim.completeTask('check', { valid: false });
    // then
    expect(sim.trail()).toEqual([
      's',
      'ss',
      'f',
      'check',
      'ok',
      'invalid',
      'onInvalid',
      'fix',
      'fixed',
    ]);
    expect(sim.state.userTasks).toEqual({});
    expect(sim.state.status).toBe('COMPLETED');
    expect(Object.keys(sim.state.scopes)).toEqual(['wf1/root']);
  });

  it('a job error with a code inside a nested subprocess reaches the outer boundary', () => {
    const ir = proc()
      .start('s')
      .subProcess('outer', (o) =>
        o
          .start('os')
          .subProcess('inner', (i) => i.start('is').serviceTask('job', { type: 'j' }).end('ie'))
          .end('oe'),
      )
      .end('e')
      .boundary('caught', 'outer', { error: 'E' })
      .end('handled')
      .build();
    const sim = new Sim(ir);
    sim.send({ type: 'taskFailed', feiId: sim.fei('job'), errorCode: 'E', message: 'x' });
    expect(sim.trail()).toEqual(['s', 'os', 'is', 'caught', 'handled']);
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('subprocess locals vanish, writes to existing variables propagate, outputs export', () => {
    // given
    const ir = proc()
      .start('s')
      .subProcess(
        'sp',
        (b) =>
          b
            .start('ss')
            .script('calc', 'local * 2', 'doubled') // new name: goes to the root
            .script('bump', 'counter + local', 'counter') // existing root variable: updated there
            .script('shadow', 'local + 1', 'local') // subprocess local: updated locally
            .end('se'),
        { inputs: io({ local: 'base + 1' }), outputs: io({ exported: 'local' }) },
      )
      .end('e')
      .build();
    // when
    const sim = new Sim(ir, { base: 10, counter: 100 });
    // then
    expect(sim.vars()).toEqual({ base: 10, counter: 111, doubled: 22, exported: 12 });
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('a task with input mappings gets a local scope; results named like a local stay local (Zeebe)', () => {
    const ir = proc()
      .start('s')
      .serviceTask('t', { type: 'x', inputs: io({ tmp: '1' }) })
      .end('e')
      .build();
    const sim = new Sim(ir);
    expect(Object.keys(sim.state.scopes)).toEqual(['wf1/root', 'wf1/t/1']);
    sim.completeTask('t', { tmp: 2, out: 3 });
    expect(sim.vars()).toEqual({ out: 3 });
    expect(Object.keys(sim.state.scopes)).toEqual(['wf1/root']);
  });

  it('an interrupting timer on a subprocess ends everything inside recursively', () => {
    const ir = proc()
      .start('s')
      .subProcess('sp', (b) =>
        b
          .start('ss')
          .parallel('f')
          .timerCatch('innerWait', { expression: 'PT1H' })
          .end('ie1')
          .from('f')
          .serviceTask('job', { type: 'j' })
          .end('ie2'),
      )
      .end('e')
      .boundary('deadline', 'sp', { timer: { expression: 'PT10M' } })
      .end('late')
      .build();
    const sim = new Sim(ir);
    const cmds = sim.advance(10 * 60_000);
    expect(cmds).toEqual(
      expect.arrayContaining([
        { type: 'cancelWork', feiId: 'wf1/job/1' },
        { type: 'cancelTimer', timerId: expect.any(String) },
        { type: 'complete', variables: {} },
      ]),
    );
    expect(sim.trail()).toEqual(['s', 'ss', 'f', 'deadline', 'late']);
    expect(sim.state.timers).toEqual({});
  });
});
