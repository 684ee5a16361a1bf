import { activeElements, isQuiescent, startInstance, step } from '../../src/engine';
import type { EngineCommand } from '../../src/engine/types';
import { proc } from './support/builder';
import { Sim, T0 } from './support/sim';

/** A process touching most kinds: fork, user task, timer boundary, messages, service task, inclusive join. */
function bigProcess() {
  return proc()
    .start('s')
    .parallel('fork')
    .userTask('approve')
    .parallel('join')
    .serviceTask('ship', { type: 'ship' })
    .end('e')
    .boundary('remind', 'approve', {
      timer: { kind: 'cycle', expression: 'R3/PT1M' },
      cancelActivity: false,
    })
    .end('reminded')
    .from('fork')
    .receiveTask('paid', { name: 'payment' })
    .script('count', 'count + 1', 'count')
    .connect('join')
    .build();
}

function drive(sim: Sim, roundTrip: boolean): EngineCommand[] {
  const rt = () => (roundTrip ? sim.roundTrip() : sim);
  rt().advance(60_000);
  rt().message('payment', { amount: 5 }, { messageId: 'm1' });
  rt().message('payment', { amount: 6 }, { messageId: 'm1' });
  rt().advance(60_000);
  rt().completeUserTask('approve', { approved: true });
  rt().completeTask('ship', { tracking: 't-1' });
  return sim.all;
}

describe('reducer', () => {
  it('continuing from a JSON copy of the state mid-way behaves exactly the same', () => {
    const a = new Sim(bigProcess(), { count: 0 });
    const b = new Sim(bigProcess(), { count: 0 });
    const ca = drive(a, false);
    const cb = drive(b, true);
    expect(cb).toEqual(ca);
    expect(b.state).toEqual(a.state);
    expect(a.state.status).toBe('COMPLETED');
    expect(a.trail()).toEqual([
      's',
      'fork',
      'remind',
      'reminded',
      'paid',
      'count',
      'remind',
      'reminded',
      'approve',
      'join',
      'ship',
      'e',
    ]);
    expect(a.vars()).toEqual({ count: 1, amount: 5, approved: true, tracking: 't-1' });
  });

  it('cancelRequested cancels timers and work and ends as CANCELED', () => {
    const sim = new Sim(bigProcess(), { count: 0 });
    sim.message('payment');
    expect(isQuiescent(sim.state)).toBe(true);
    sim.completeUserTask('approve');
    expect(isQuiescent(sim.state)).toBe(false);
    const cmds = sim.send({ type: 'cancelRequested' });
    expect(cmds).toEqual([{ type: 'cancelWork', feiId: 'wf1/ship/1' }]);
    expect(sim.state.status).toBe('CANCELED');
    expect(sim.state.tokens).toEqual({});
    const sim2 = new Sim(bigProcess(), { count: 0 });
    const timerId = sim2.commandsOf('startTimer')[0].timerId;
    expect(sim2.send({ type: 'cancelRequested' })).toEqual([{ type: 'cancelTimer', timerId }]);
    expect(sim2.state.subscriptions).toEqual([]);
    expect(sim2.state.userTasks).toEqual({});
  });

  it('lists active elements with their status', () => {
    const sim = new Sim(bigProcess(), { count: 0 });
    sim.now = T0 + 5;
    expect(activeElements(sim.ir, sim.state)).toEqual([
      {
        flowElementInstanceId: 'wf1/approve/1',
        elementId: 'approve',
        type: 'bpmn:UserTask',
        since: '2024-01-01T00:00:00.000Z',
        status: 'active',
      },
      {
        flowElementInstanceId: 'wf1/paid/1',
        elementId: 'paid',
        type: 'bpmn:ReceiveTask',
        since: '2024-01-01T00:00:00.000Z',
        status: 'active',
      },
    ]);
  });

  it('an unknown element type is an error naming the element', () => {
    const ir = proc().start('s').task('weird').end('e').build();
    (ir.elements.weird as { type: string }).type = 'transaction';
    expect(() => startInstance(ir, { instanceId: 'i', variables: {}, now: T0 })).toThrow(
      /element 'weird': unsupported element type 'transaction'/,
    );
  });

  it('step mutates and returns the given state; `started` is a no-op', () => {
    const ir = proc().start('s').userTask('u').end('e').build();
    const { state } = startInstance(ir, { instanceId: 'i', variables: {}, now: T0 });
    const r = step(ir, state, { type: 'started', variables: {}, now: T0 });
    expect(r.state).toBe(state);
    expect(r.commands).toEqual([]);
    const r2 = step(ir, state, { type: 'userTaskCompleted', feiId: 'i/u/1', now: T0 + 1000 });
    expect(r2.state).toBe(state);
    expect(state.status).toBe('COMPLETED');
    expect(state.trail[1]).toMatchObject({
      startedAt: '2024-01-01T00:00:00.000Z',
      endedAt: '2024-01-01T00:00:01.000Z',
    });
  });
});
