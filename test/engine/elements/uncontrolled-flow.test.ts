/**
 * Uncontrolled flow (BPMN 2.0 §13.2.1, §10.3.1): several incoming flows on an activity are an
 * implicit exclusive merge (one activation per token); several outgoing flows an implicit
 * parallel / inclusive split; a start event with several outgoing flows forks.
 */
import { proc } from '../support/builder';
import { Sim } from '../support/sim';

const count = (name: string) => `if ${name} = null then 1 else ${name} + 1`;

describe('uncontrolled flow', () => {
  it('a start event with two outgoing flows forks; the merging task runs once per token', () => {
    // given start → a, start → b, both → merge (no gateway) → end
    const ir = proc()
      .start('s')
      .script('a', '"a"', 'ra')
      .script('merge', count('merged'), 'merged')
      .end('e')
      .from('s')
      .script('b', '"b"', 'rb')
      .connect('merge')
      .build();
    const sim = new Sim(ir);
    // then both branches run and the merging task is activated twice (never joined)
    expect(sim.trail()).toEqual(['s', 'a', 'b', 'merge', 'merge', 'e', 'e']);
    expect(sim.vars()).toEqual({ ra: 'a', rb: 'b', merged: 2 });
    expect(sim.state.visits.merge).toBe(2);
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('an activity takes every unconditional and every true conditional flow, the default only when none holds', () => {
    const ir = proc()
      .start('s')
      .task('t')
      .script('always', '1', 'always')
      .end('e1')
      .from('t')
      .when('x > 1')
      .script('big', '1', 'big')
      .end('e2')
      .from('t')
      .when('x > 5')
      .script('huge', '1', 'huge')
      .end('e3')
      .build();
    expect(new Sim(ir, { x: 3 }).trail()).toEqual(['s', 't', 'always', 'big', 'e1', 'e2']);
    const withDefault = proc()
      .start('s')
      .task('t')
      .when('x > 1')
      .script('big', '1', 'big')
      .end('e1')
      .from('t')
      .otherwise()
      .script('small', '1', 'small')
      .end('e2')
      .build();
    expect(new Sim(withDefault, { x: 3 }).trail()).toEqual(['s', 't', 'big', 'e1']);
    expect(new Sim(withDefault, { x: 0 }).trail()).toEqual(['s', 't', 'small', 'e2']);
  });
});
