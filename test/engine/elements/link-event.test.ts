/** Link events (BPMN 2.0 §10.5.5): see src/engine/elements/intermediate-throw-event.ts. */
import { proc } from '../support/builder';
import '../support/builder-extra';
import { Sim } from '../support/sim';

describe('link events', () => {
  it('a link throw continues at the link catch of its scope', () => {
    // given a process whose path jumps from throw L1 to catch L1
    const ir = proc()
      .start('s')
      .script('a', '1', 'a')
      .linkThrow('toB', 'L1', 'fromA')
      .linkCatch('fromA', 'L1')
      .script('b', 'a + 1', 'b')
      .end('e')
      .build();
    // when it runs, then both events are in the trail in order and the path continues
    const sim = new Sim(ir);
    expect(sim.trail()).toEqual(['s', 'a', 'toB', 'fromA', 'b', 'e']);
    expect(sim.vars()).toEqual({ a: 1, b: 2 });
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('links inside a subprocess stay in the subprocess instance, and can loop', () => {
    const ir = proc()
      .start('s')
      .subProcess('sp', (b) =>
        b
          .start('ss')
          .linkCatch('again', 'loop')
          .script('inc', 'if n = null then 1 else n + 1', 'n')
          .exclusive('more')
          .when('n < 3')
          .linkThrow('back', 'loop', 'again')
          .from('more')
          .otherwise()
          .end('se')
          .from('ss')
          .linkThrow('enter', 'loop', 'again'),
      )
      .end('e')
      .build();
    const sim = new Sim(ir);
    const round = ['again', 'inc', 'more'];
    expect(sim.trail()).toEqual([
      's',
      'ss',
      'enter',
      ...round,
      'back',
      ...round,
      'back',
      ...round,
      'se',
      'sp',
      'e',
    ]);
    expect(sim.vars()).toEqual({ n: 3 });
  });
});
