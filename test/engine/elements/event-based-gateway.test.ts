import { proc } from '../support/builder';
import { Sim } from '../support/sim';

describe('event-based-gateway', () => {
  const ir = proc()
    .start('s')
    .eventGateway('g')
    .messageCatch('paid', { name: 'payment' })
    .end('ok')
    .from('g')
    .timerCatch('timeout', { expression: 'PT10M' })
    .end('expired')
    .build();

  it('the message wins: the timer is cancelled', () => {
    const sim = new Sim(ir);
    const [timer] = sim.commandsOf('startTimer');
    expect(timer.elementId).toBe('timeout');
    expect(sim.state.subscriptions).toEqual([
      { elementId: 'paid', feiId: 'wf1/g/1', name: 'payment' },
    ]);
    const cmds = sim.message('payment', { amount: 9 });
    expect(cmds[0]).toEqual({ type: 'cancelTimer', timerId: timer.timerId });
    expect(sim.trail()).toEqual(['s', 'g', 'paid', 'ok']);
    expect(sim.vars()).toEqual({ amount: 9 });
    expect(sim.state.timers).toEqual({});
  });

  it('the timer wins: the subscription is removed', () => {
    const sim = new Sim(ir);
    sim.advance(10 * 60_000);
    expect(sim.trail()).toEqual(['s', 'g', 'timeout', 'expired']);
    expect(sim.state.subscriptions).toEqual([]);
    // the message arriving now is only buffered
    sim.message('payment');
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('a buffered message wins at once', () => {
    const ir2 = proc()
      .start('s')
      .userTask('u')
      .eventGateway('g')
      .messageCatch('paid', { name: 'payment' })
      .end('ok')
      .from('g')
      .timerCatch('timeout', { expression: 'PT10M' })
      .end('expired')
      .build();
    const sim = new Sim(ir2);
    sim.message('payment', { early: true });
    sim.completeUserTask('u');
    expect(sim.trail()).toEqual(['s', 'u', 'g', 'paid', 'ok']);
    expect(sim.state.timers).toEqual({});
  });
});
