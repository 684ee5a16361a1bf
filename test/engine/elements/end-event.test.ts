import { proc } from '../support/builder';
import { Sim } from '../support/sim';

describe('end-event', () => {
  it('terminate end ends the parallel branches: cancels their timers and work, closes user tasks', () => {
    // given: a fork into a service task, a user task, a timer and a terminating branch
    const ir = proc()
      .start('s')
      .parallel('fork')
      .serviceTask('svc', { type: 'slow' })
      .end('e1')
      .from('fork')
      .userTask('ut')
      .end('e2')
      .from('fork')
      .timerCatch('wait', { expression: 'PT1H' })
      .end('e3')
      .from('fork')
      .userTask('gate')
      .terminate('kill')
      .build();
    const sim = new Sim(ir);
    expect(sim.active()).toEqual(['svc', 'ut', 'wait', 'gate']);
    const timerId = sim.commandsOf('startTimer')[0].timerId;
    // when
    const cmds = sim.completeUserTask('gate');
    // then
    expect(cmds).toEqual([
      { type: 'cancelWork', feiId: 'wf1/svc/1' },
      { type: 'cancelTimer', timerId },
      { type: 'complete', variables: {} },
    ]);
    expect(sim.trail()).toEqual(['s', 'fork', 'gate', 'kill']);
    expect(sim.state.userTasks).toEqual({});
    expect(sim.state.timers).toEqual({});
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('terminate end inside a subprocess ends only that subprocess, which then completes', () => {
    const ir = proc()
      .start('s')
      .subProcess('sp', (b) =>
        b.start('ss').parallel('f').userTask('inner').end('ie').from('f').terminate('t'),
      )
      .task('after')
      .end('e')
      .build();
    const sim = new Sim(ir);
    expect(sim.trail()).toEqual(['s', 'ss', 'f', 't', 'sp', 'after', 'e']);
    expect(sim.state.status).toBe('COMPLETED');
    expect(sim.state.userTasks).toEqual({});
  });

  it('error end without any catching boundary raises an error incident', () => {
    const ir = proc().start('s').errorEnd('boom', 'E42').build();
    const sim = new Sim(ir);
    const incidents = Object.values(sim.state.incidents);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      kind: 'error',
      elementId: 'boom',
      flowElementInstanceId: 'wf1/boom/1',
    });
    expect(incidents[0].message).toContain("unhandled BPMN error 'E42'");
    expect(sim.state.status).toBe('RUNNING');
    expect(sim.state.tokens[Object.keys(sim.state.tokens)[0]].status).toBe('incident');
  });
});
