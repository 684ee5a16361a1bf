import { proc } from '../support/builder';
import { Sim } from '../support/sim';

describe('start-event / end-event (none)', () => {
  it('runs start → task → end and completes with the root variables', () => {
    // given
    const ir = proc().start('s').task('t', { name: 'Do it' }).end('e').build();
    // when
    const sim = new Sim(ir, { a: 1 });
    // then
    expect(sim.trail()).toEqual(['s', 't', 'e']);
    expect(sim.state.status).toBe('COMPLETED');
    expect(sim.state.result).toEqual({ a: 1 });
    expect(sim.last).toEqual([{ type: 'complete', variables: { a: 1 } }]);
    expect(sim.state.trail[1]).toEqual({
      elementId: 't',
      name: 'Do it',
      type: 'bpmn:Task',
      flowElementInstanceId: 'wf1/t/1',
      startedAt: '2024-01-01T00:00:00.000Z',
      endedAt: '2024-01-01T00:00:00.000Z',
    });
    expect(sim.state.tokens).toEqual({});
  });

  it('treats manual tasks and throw events as pass-through, and an activity without outgoing flow as an implicit end', () => {
    const ir = proc().start('s').manualTask('m').throwEvent('th').task('last').build();
    const sim = new Sim(ir);
    expect(sim.trail()).toEqual(['s', 'm', 'th', 'last']);
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('ignores events once the instance has completed', () => {
    const sim = new Sim(proc().start('s').end('e').build());
    expect(sim.send({ type: 'cancelRequested' })).toEqual([]);
    expect(sim.state.status).toBe('COMPLETED');
  });
});
