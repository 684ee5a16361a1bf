import { io, proc } from '../support/builder';
import { Sim, T0 } from '../support/sim';

const pt1s = {
  kind: 'timer' as const,
  timer: { kind: 'duration' as const, expression: 'PT1S', isFeel: false },
};

describe('event-sub-process', () => {
  it('a non-interrupting message start fires twice while the process keeps running', () => {
    // given a process waiting at a user task, with a non-interrupting message event subprocess
    const ir = proc()
      .start('s')
      .userTask('work')
      .end('e')
      .eventSubProcess(
        'esp',
        { kind: 'message', message: { name: 'ping' } },
        (b) =>
          b.start('es').script('count', 'if pings = null then 1 else pings + 1', 'pings').end('ee'),
        { interrupting: false },
      )
      .build();
    const sim = new Sim(ir);
    // when two messages arrive
    sim.message('ping', { from: 'a' });
    sim.message('ping', { from: 'b' });
    // then the event subprocess ran twice and the user task is still open
    expect(sim.trail()).toEqual(['s', 'es', 'count', 'ee', 'esp', 'es', 'count', 'ee', 'esp']);
    expect(sim.active()).toEqual(['work']);
    expect(sim.vars()).toEqual({ pings: 2, from: 'b' });
    // and the process completes when the main flow does, closing the subscription
    sim.completeUserTask('work');
    expect(sim.state.status).toBe('COMPLETED');
    expect(sim.state.subscriptions).toEqual([]);
  });

  it('an interrupting timer start cancels the rest of the scope; the scope completes with it', () => {
    const ir = proc()
      .start('s')
      .serviceTask('slow', { type: 'noop' })
      .end('e')
      .eventSubProcess('esp', pt1s, (b) => b.start('es').task('cleanup').end('ee'))
      .build();
    const sim = new Sim(ir);
    expect(sim.commandsOf('startTimer')[0]).toMatchObject({ elementId: 'es', dueAt: T0 + 1000 });
    const cmds = sim.advance(1000);
    expect(cmds).toContainEqual({ type: 'cancelWork', feiId: 'wf1/slow/1' });
    expect(sim.trail()).toEqual(['s', 'es', 'cleanup', 'ee', 'esp']);
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('the timer of a process-level event subprocess is cancelled when the process completes', () => {
    const ir = proc()
      .start('s')
      .serviceTask('quick', { type: 'noop' })
      .end('e')
      .eventSubProcess('esp', pt1s, (b) => b.start('es').end('ee'))
      .build();
    const sim = new Sim(ir);
    const timerId = sim.commandsOf('startTimer')[0].timerId;
    const cmds = sim.completeTask('quick');
    expect(cmds).toContainEqual({ type: 'cancelTimer', timerId });
    expect(sim.state.status).toBe('COMPLETED');
    expect(sim.state.timers).toEqual({});
  });

  it('inside an embedded subprocess: opens with it, interrupts only it, the process goes on', () => {
    const ir = proc()
      .start('s')
      .subProcess('sp', (b) =>
        b
          .start('ss')
          .userTask('inner')
          .end('se')
          .eventSubProcess('esp', { kind: 'message', message: { name: 'abort' } }, (e) =>
            e.start('es').script('mark', '"aborted"', 'outcome').end('ee'),
          ),
      )
      .task('after')
      .end('e')
      .build();
    const sim = new Sim(ir);
    expect(sim.state.subscriptions).toEqual([
      { elementId: 'es', feiId: 'wf1/sp/1', name: 'abort' },
    ]);
    sim.message('abort');
    expect(sim.trail()).toEqual(['s', 'ss', 'es', 'mark', 'ee', 'esp', 'sp', 'after', 'e']);
    expect(sim.state.userTasks).toEqual({});
    expect(sim.vars()).toEqual({ outcome: 'aborted' });
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('a subprocess that completes closes its event subprocess subscriptions; a later message is buffered', () => {
    const ir = proc()
      .start('s')
      .subProcess('sp', (b) =>
        b
          .start('ss')
          .end('se')
          .eventSubProcess('esp', { kind: 'message', message: { name: 'late' } }, (e) =>
            e.start('es').end('ee'),
          ),
      )
      .userTask('after')
      .end('e')
      .build();
    const sim = new Sim(ir);
    expect(sim.state.subscriptions).toEqual([]);
    sim.message('late');
    expect(sim.trail()).toEqual(['s', 'ss', 'se', 'sp']);
    expect(sim.state.messages.map((m) => m.name)).toEqual(['late']);
  });

  it('an error end event is caught by an error event subprocess (exact code beats catch-all)', () => {
    const ir = proc()
      .start('s')
      .errorEnd('boom', 'E1')
      .eventSubProcess('any', { kind: 'error' }, (b) => b.start('as').end('ae'))
      .eventSubProcess('exact', { kind: 'error', errorCode: 'E1' }, (b) =>
        b.start('xs').script('handled', 'true', 'handled').end('xe'),
      )
      .build();
    const sim = new Sim(ir);
    expect(sim.trail()).toEqual(['s', 'boom', 'xs', 'handled', 'xe', 'exact']);
    expect(sim.state.incidents).toEqual({});
    expect(sim.vars()).toEqual({ handled: true });
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('a BPMN error from a task inside a subprocess: the subprocess event subprocess catches before its boundary', () => {
    const ir = proc()
      .start('s')
      .subProcess('sp', (b) =>
        b
          .start('ss')
          .serviceTask('charge', { type: 'charge' })
          .end('se')
          .eventSubProcess('esp', { kind: 'error' }, (e) => e.start('es').end('ee')),
      )
      .end('e')
      .boundary('onError', 'sp', { error: undefined })
      .end('failed')
      .build();
    const sim = new Sim(ir);
    sim.send({
      type: 'taskFailed',
      feiId: sim.fei('charge'),
      errorCode: 'DECLINED',
      message: 'no',
    });
    expect(sim.trail()).toEqual(['s', 'ss', 'es', 'ee', 'esp', 'sp', 'e']);
  });

  it('an error thrown inside an interrupting event subprocess skips its scope’s other event subprocesses', () => {
    const ir = proc()
      .start('s')
      .subProcess('sp', (b) =>
        b
          .start('ss')
          .userTask('inner')
          .end('se')
          .eventSubProcess('esp', { kind: 'error' }, (e) => e.start('es').errorEnd('again', 'E2'))
          .eventSubProcess('trigger', { kind: 'message', message: { name: 'go' } }, (e) =>
            e.start('ts').errorEnd('first', 'E2'),
          ),
      )
      .end('e')
      .boundary('outer', 'sp', { error: 'E2' })
      .end('caught')
      .build();
    const sim = new Sim(ir);
    sim.message('go');
    // the catch-all error event subprocess of the interrupted scope is closed: the boundary catches
    expect(sim.trail()).toEqual(['s', 'ss', 'ts', 'first', 'outer', 'caught']);
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('a signal thrown inside the instance starts a signal event subprocess with the thrower’s locals', () => {
    const ir = proc()
      .start('s')
      .signalThrow('announce', 'news', { inputs: io({ headline: '"hello"' }) })
      .userTask('work')
      .end('e')
      .eventSubProcess(
        'esp',
        { kind: 'signal', signal: 'news' },
        (b) => b.start('es').script('copy', 'headline', 'heard').end('ee'),
        { interrupting: false },
      )
      .build();
    const sim = new Sim(ir);
    expect(sim.trail()).toEqual(['s', 'announce', 'es', 'copy', 'ee', 'esp']);
    expect(sim.vars()).toEqual({ heard: 'hello', headline: 'hello' });
    expect(sim.active()).toEqual(['work']);
  });

  it('an interrupting signal end event ends the main flow and starts the event subprocess', () => {
    const ir = proc()
      .start('s')
      .parallel('fork')
      .userTask('wait')
      .end('e1')
      .from('fork')
      .signalEnd('stop', 'halt')
      .eventSubProcess('esp', { kind: 'signal', signal: 'halt' }, (b) => b.start('es').end('ee'))
      .build();
    const sim = new Sim(ir);
    expect(sim.trail()).toEqual(['s', 'fork', 'stop', 'es', 'ee', 'esp']);
    expect(sim.state.userTasks).toEqual({});
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('a non-interrupting timer cycle start fires on each repetition', () => {
    const ir = proc()
      .start('s')
      .userTask('work')
      .end('e')
      .eventSubProcess(
        'esp',
        { kind: 'timer', timer: { kind: 'cycle', expression: 'R2/PT1S', isFeel: false } },
        (b) => b.start('es').end('ee'),
        { interrupting: false },
      )
      .build();
    const sim = new Sim(ir);
    sim.advance(1000);
    sim.advance(1000);
    sim.advance(5000);
    expect(sim.trail()).toEqual(['s', 'es', 'ee', 'esp', 'es', 'ee', 'esp']);
    expect(sim.active()).toEqual(['work']);
    expect(sim.state.timers).toEqual({});
  });

  it('message correlation keys are evaluated when the scope starts', () => {
    const ir = proc()
      .start('s')
      .userTask('work')
      .end('e')
      .eventSubProcess(
        'esp',
        { kind: 'message', message: { name: 'cancel', correlationKey: 'orderId' } },
        (b) => b.start('es').end('ee'),
      )
      .build();
    const sim = new Sim(ir, { orderId: 'o-1' });
    sim.message('cancel', {}, { correlationKey: 'o-2' });
    expect(sim.active()).toEqual(['work']);
    sim.message('cancel', {}, { correlationKey: 'o-1' });
    expect(sim.trail()).toEqual(['s', 'es', 'ee', 'esp']);
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('survives a JSON round trip (continue-as-new) with its subscriptions', () => {
    const ir = proc()
      .start('s')
      .userTask('work')
      .end('e')
      .eventSubProcess('esp', { kind: 'message', message: { name: 'm' } }, (b) =>
        b.start('es').end('ee'),
      )
      .build();
    const sim = new Sim(ir).roundTrip();
    sim.message('m');
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('tokens in transit into an interrupted or cancelled scope are dropped, not started', () => {
    // given a subprocess whose fork reaches an error end before its service task is entered
    const ir = proc()
      .start('s')
      .subProcess('sp', (b) =>
        b
          .start('ss')
          .parallel('f')
          .errorEnd('boom', 'E')
          .from('f')
          .serviceTask('t', { type: 'noop' }),
      )
      .end('e')
      .boundary('caught', 'sp', { error: 'E' })
      .end('handled')
      .build();
    const sim = new Sim(ir);
    // then the error interrupted the subprocess and the task never started
    expect(sim.commandsOf('scheduleTask')).toEqual([]);
    expect(sim.trail()).toEqual(['s', 'ss', 'f', 'boom', 'caught', 'handled']);
    expect(sim.state.status).toBe('COMPLETED');
  });
});
