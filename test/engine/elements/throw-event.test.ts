import { proc } from '../support/builder';
import { Sim } from '../support/sim';

describe('throw-event (escalation)', () => {
  it('an uncaught escalation does not fail anything: the throw carries on, the driver is told', () => {
    const ir = proc()
      .start('s')
      .escalationThrow('up', 'LATE')
      .task('next')
      .escalationEnd('end', 'LATE')
      .build();
    const sim = new Sim(ir);
    expect(sim.trail()).toEqual(['s', 'up', 'next', 'end']);
    expect(sim.state.status).toBe('COMPLETED');
    expect(sim.state.incidents).toEqual({});
    expect(sim.commandsOf('escalate')).toEqual([
      { type: 'escalate', escalationCode: 'LATE' },
      { type: 'escalate', escalationCode: 'LATE' },
    ]);
  });

  it('a non-interrupting boundary on the enclosing subprocess catches; the thrower carries on', () => {
    const ir = proc()
      .start('s')
      .subProcess('sp', (b) =>
        b.start('ss').escalationThrow('up', 'LATE').userTask('inner').end('se'),
      )
      .end('e')
      .eventBoundary('notify', 'sp', { escalation: 'LATE' }, false)
      .task('handle')
      .end('handled')
      .build();
    const sim = new Sim(ir);
    expect(sim.trail()).toEqual(['s', 'ss', 'up', 'notify', 'handle', 'handled']);
    expect(sim.active()).toEqual(['sp', 'inner']);
    expect(sim.commandsOf('escalate')).toEqual([]);
    sim.completeUserTask('inner');
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('an interrupting boundary cancels the subprocess (the thrower too); exact code beats catch-all', () => {
    const ir = proc()
      .start('s')
      .subProcess('sp', (b) =>
        b
          .start('ss')
          .parallel('f')
          .userTask('inner')
          .end('se')
          .from('f')
          .escalationEnd('up', 'LATE'),
      )
      .end('e')
      .eventBoundary('any', 'sp', { escalation: undefined })
      .end('anyEnd')
      .eventBoundary('exact', 'sp', { escalation: 'LATE' })
      .end('exactEnd')
      .build();
    const sim = new Sim(ir);
    expect(sim.trail()).toEqual(['s', 'ss', 'f', 'up', 'exact', 'exactEnd']);
    expect(sim.state.userTasks).toEqual({});
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('an escalation event subprocess catches, interrupting or not', () => {
    const build = (interrupting: boolean) =>
      proc()
        .start('s')
        .escalationThrow('up', 'X')
        .userTask('work')
        .end('e')
        .eventSubProcess(
          'esp',
          { kind: 'escalation', escalationCode: 'X' },
          (b) => b.start('es').end('ee'),
          {
            interrupting,
          },
        )
        .build();
    const non = new Sim(build(false));
    expect(non.trail()).toEqual(['s', 'up', 'es', 'ee', 'esp']);
    expect(non.active()).toEqual(['work']);
    const int = new Sim(build(true));
    expect(int.trail()).toEqual(['s', 'up', 'es', 'ee', 'esp']);
    expect(int.state.status).toBe('COMPLETED');
  });

  it('a call activity whose child escalated throws on: its boundary catches', () => {
    const ir = proc()
      .start('s')
      .callActivity('call', { processId: 'child' })
      .end('e')
      .eventBoundary('esc', 'call', { escalation: 'NEED_HELP' }, false)
      .task('help')
      .end('helped')
      .build();
    const sim = new Sim(ir);
    const feiId = sim.fei('call');
    sim.send({ type: 'childEscalated', feiId, escalationCode: 'NEED_HELP' });
    expect(sim.trail()).toEqual(['s', 'esc', 'help', 'helped']);
    expect(sim.active()).toEqual(['call']);
    sim.send({ type: 'childEscalated', feiId, escalationCode: 'OTHER' });
    expect(sim.commandsOf('escalate', sim.last)).toEqual([
      { type: 'escalate', escalationCode: 'OTHER' },
    ]);
    sim.send({ type: 'childCompleted', feiId, variables: {} });
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('an interrupting escalation boundary on a call activity cancels the child', () => {
    const ir = proc()
      .start('s')
      .callActivity('call', { processId: 'child' })
      .end('e')
      .eventBoundary('esc', 'call', { escalation: undefined })
      .end('escalated')
      .build();
    const sim = new Sim(ir);
    const cmds = sim.send({
      type: 'childEscalated',
      feiId: sim.fei('call'),
      escalationCode: 'ANY',
    });
    expect(cmds).toContainEqual({ type: 'cancelWork', feiId: 'wf1/call/1' });
    expect(sim.trail()).toEqual(['s', 'esc', 'escalated']);
    expect(sim.state.status).toBe('COMPLETED');
  });
});
