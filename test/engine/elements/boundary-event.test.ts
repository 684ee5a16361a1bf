import { proc } from '../support/builder';
import { Sim, T0 } from '../support/sim';

describe('boundary-event', () => {
  it('a non-interrupting cycle R2/PT1S fires twice and keeps the host', () => {
    // given
    const ir = proc()
      .start('s')
      .userTask('work')
      .end('done')
      .boundary('remind', 'work', {
        timer: { kind: 'cycle', expression: 'R2/PT1S' },
        cancelActivity: false,
      })
      .task('nudge')
      .end('nudged')
      .build();
    const sim = new Sim(ir);
    expect(sim.commandsOf('startTimer')[0].dueAt).toBe(T0 + 1000);
    // when
    sim.advance(1000);
    sim.advance(1000);
    sim.advance(5000);
    // then
    expect(sim.trail()).toEqual(['s', 'remind', 'nudge', 'nudged', 'remind', 'nudge', 'nudged']);
    expect(sim.commandsOf('startTimer').map((c) => c.dueAt)).toEqual([T0 + 1000, T0 + 2000]);
    expect(sim.active()).toEqual(['work']);
    expect(sim.state.timers).toEqual({});
    sim.completeUserTask('work');
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('an interrupting message boundary cancels the work in flight', () => {
    const ir = proc()
      .start('s')
      .serviceTask('ship', { type: 'ship' })
      .end('shipped')
      .boundary('cancelled', 'ship', { message: { name: 'cancel' } })
      .end('stopped')
      .build();
    const sim = new Sim(ir);
    const cmds = sim.message('cancel', { reason: 'customer' });
    expect(cmds[0]).toEqual({ type: 'cancelWork', feiId: 'wf1/ship/1' });
    expect(sim.trail()).toEqual(['s', 'cancelled', 'stopped']);
    expect(sim.vars()).toEqual({ reason: 'customer' });
    // the late completion of the cancelled activity is ignored
    expect(sim.send({ type: 'taskCompleted', feiId: 'wf1/ship/1' })).toEqual([]);
  });

  it('a non-interrupting message boundary stays open', () => {
    const ir = proc()
      .start('s')
      .userTask('u')
      .end('e')
      .boundary('note', 'u', { message: { name: 'note' }, cancelActivity: false })
      .end('noted')
      .build();
    const sim = new Sim(ir);
    sim.message('note');
    sim.message('note');
    expect(sim.trail()).toEqual(['s', 'note', 'noted', 'note', 'noted']);
    expect(sim.active()).toEqual(['u']);
  });

  it('a failed task with an error code is caught by its error boundary (exact code over catch-all)', () => {
    const ir = proc()
      .start('s')
      .serviceTask('pay', { type: 'pay' })
      .end('paid')
      .boundary('any', 'pay', { error: undefined })
      .end('other')
      .boundary('declined', 'pay', { error: 'DECLINED' })
      .end('sorry')
      .build();
    const sim = new Sim(ir);
    const cmds = sim.send({
      type: 'taskFailed',
      feiId: 'wf1/pay/1',
      errorCode: 'DECLINED',
      message: 'no',
    });
    expect(cmds.filter((c) => c.type === 'cancelWork')).toEqual([]);
    expect(sim.trail()).toEqual(['s', 'declined', 'sorry']);
    const sim2 = new Sim(ir);
    sim2.send({ type: 'taskFailed', feiId: 'wf1/pay/1', errorCode: 'OTHER', message: 'no' });
    expect(sim2.trail()).toEqual(['s', 'any', 'other']);
  });
});
