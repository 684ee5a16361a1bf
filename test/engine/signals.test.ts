/**
 * Signals reaching every open subscription of an instance (src/engine/signals.ts): signal
 * catch events, signal boundaries, event-based gateway targets and event subprocess starts,
 * from a throw inside the instance or a `signalReceived` event from outside, deduplicated by
 * signal key; a throw also asks the driver to broadcast beyond the instance.
 */
import './support/builder-extra';
import { io, proc } from './support/builder';
import { Sim } from './support/sim';

describe('signals', () => {
  it('a signal from outside completes an intermediate signal catch with its variables', () => {
    // given an instance waiting at a signal catch
    const ir = proc().start('s').signalCatch('wait', 'go').end('e').build();
    const sim = new Sim(ir);
    expect(sim.active()).toEqual(['wait']);
    expect(sim.state.signals).toEqual([{ elementId: 'wait', feiId: 'wf1/wait/1', name: 'go' }]);
    // when another signal arrives nothing happens; then the right one completes the catch
    sim.send({ type: 'signalReceived', name: 'other', variables: { x: 0 } });
    expect(sim.active()).toEqual(['wait']);
    sim.send({ type: 'signalReceived', name: 'go', signalKey: 'k1', variables: { x: 1 } });
    expect(sim.trail()).toEqual(['s', 'wait', 'e']);
    expect(sim.vars()).toEqual({ x: 1 });
    expect(sim.state.signals).toEqual([]);
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('the same signal key is delivered once', () => {
    // given a non-interrupting signal boundary, which would fire on every delivery
    const ir = proc()
      .start('s')
      .userTask('work')
      .end('e')
      .signalBoundary('nudge', 'work', 'remind', false)
      .script('count', '(if n = null then 0 else n) + 1', 'n')
      .end('ne')
      .build();
    const sim = new Sim(ir);
    // when the same broadcast arrives twice, and then another one
    sim.send({ type: 'signalReceived', name: 'remind', signalKey: 'b1' });
    sim.send({ type: 'signalReceived', name: 'remind', signalKey: 'b1' });
    expect(sim.vars()).toEqual({ n: 1 });
    sim.send({ type: 'signalReceived', name: 'remind', signalKey: 'b2' });
    // then it fired twice, and the host still waits with its boundary open
    expect(sim.vars()).toEqual({ n: 2 });
    expect(sim.active()).toEqual(['work']);
    expect(sim.state.signals).toEqual([
      { elementId: 'nudge', feiId: 'wf1/work/1', name: 'remind' },
    ]);
  });

  it('an interrupting signal boundary cancels its host', () => {
    const ir = proc()
      .start('s')
      .userTask('work')
      .end('e')
      .signalBoundary('abort', 'work', 'stop')
      .end('aborted')
      .build();
    const sim = new Sim(ir);
    sim.send({ type: 'signalReceived', name: 'stop', variables: { why: 'recall' } });
    expect(sim.trail()).toEqual(['s', 'abort', 'aborted']);
    expect(sim.state.userTasks).toEqual({});
    expect(sim.state.signals).toEqual([]);
    expect(sim.vars()).toEqual({ why: 'recall' });
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('a signal catch raced by an event-based gateway wins and cancels the timer', () => {
    const ir = proc()
      .start('s')
      .eventGateway('g')
      .signalCatch('go', 'start-now')
      .end('started')
      .from('g')
      .timerCatch('later', { expression: 'PT1H' })
      .end('timedOut')
      .build();
    const sim = new Sim(ir);
    const [timer] = sim.commandsOf('startTimer');
    expect(sim.state.signals).toEqual([{ elementId: 'go', feiId: 'wf1/g/1', name: 'start-now' }]);
    const cmds = sim.send({ type: 'signalReceived', name: 'start-now', variables: { a: 1 } });
    expect(cmds[0]).toEqual({ type: 'cancelTimer', timerId: timer.timerId });
    expect(sim.trail()).toEqual(['s', 'g', 'go', 'started']);
    expect(sim.vars()).toEqual({ a: 1 });
    expect(sim.state.signals).toEqual([]);
  });

  it('the timer beats the signal: the signal subscription is closed', () => {
    const ir = proc()
      .start('s')
      .eventGateway('g')
      .signalCatch('go', 'start-now')
      .end('started')
      .from('g')
      .timerCatch('later', { expression: 'PT1H' })
      .end('timedOut')
      .build();
    const sim = new Sim(ir);
    sim.advance(3_600_000);
    expect(sim.trail()).toEqual(['s', 'g', 'later', 'timedOut']);
    expect(sim.state.signals).toEqual([]);
  });

  it('a signal thrown inside the instance reaches its catch events and is broadcast beyond it', () => {
    // given a branch waiting at a signal catch and one that throws the signal
    const ir = proc()
      .start('s')
      .parallel('fork')
      .signalCatch('wait', 'ready')
      .end('e1')
      .from('fork')
      .script('prepare', '42', 'answer')
      .signalThrow('announce', 'ready', { inputs: io({ value: 'answer' }) })
      .end('e2')
      .build();
    const sim = new Sim(ir);
    // then the catch completed with the thrower's locals, and the driver is told to broadcast
    expect(sim.trail()).toEqual(['s', 'fork', 'prepare', 'wait', 'announce', 'e1', 'e2']);
    expect(sim.commandsOf('broadcastSignal')).toEqual([
      { type: 'broadcastSignal', name: 'ready', variables: { value: 42 } },
    ]);
    expect(sim.state.status).toBe('COMPLETED');
  });
});
