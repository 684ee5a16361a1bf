import { proc } from '../support/builder';
import { Sim } from '../support/sim';

describe('parallel-gateway', () => {
  it('forks all flows and joins when every incoming flow delivered', () => {
    const ir = proc()
      .start('s')
      .parallel('fork')
      .serviceTask('a', { type: 'a' })
      .parallel('join')
      .end('e')
      .from('fork')
      .serviceTask('b', { type: 'b' })
      .connect('join')
      .build();
    const sim = new Sim(ir);
    expect(sim.commandsOf('scheduleTask').map((c) => c.elementId)).toEqual(['a', 'b']);
    sim.completeTask('b', { rb: 1 });
    expect(sim.state.joins).toEqual({ 'wf1/root|join': ['b->join'] });
    expect(sim.state.status).toBe('RUNNING');
    sim.completeTask('a', { ra: 2 });
    expect(sim.trail()).toEqual(['s', 'fork', 'b', 'a', 'join', 'e']);
    expect(sim.state.visits.join).toBe(1);
    expect(sim.vars()).toEqual({ ra: 2, rb: 1 });
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('parallel branches inside a subprocess join per subprocess instance', () => {
    const ir = proc()
      .start('s')
      .subProcess('sp', (b) =>
        b
          .start('ss')
          .parallel('f')
          .userTask('u1')
          .parallel('j')
          .end('se')
          .from('f')
          .userTask('u2')
          .connect('j'),
      )
      .end('e')
      .build();
    const sim = new Sim(ir);
    const spScope = sim.fei('sp');
    expect(sim.active()).toEqual(['sp', 'u1', 'u2']);
    sim.completeUserTask('u1');
    expect(sim.state.joins).toEqual({ [`${spScope}|j`]: ['u1->j'] });
    sim.completeUserTask('u2');
    expect(sim.trail()).toEqual(['s', 'ss', 'f', 'u1', 'u2', 'j', 'se', 'sp', 'e']);
    expect(sim.state.status).toBe('COMPLETED');
    expect(Object.keys(sim.state.scopes)).toEqual(['wf1/root']);
  });
});
