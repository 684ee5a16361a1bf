import { proc } from '../support/builder';
import { Sim } from '../support/sim';

function build(upstream?: Record<string, string[]>) {
  // fork: a (fast, task), b (slow, service task), c (skipped unless c)
  return proc()
    .start('s')
    .inclusive('fork')
    .when('a')
    .task('fastA')
    .inclusive('join', { upstream })
    .end('e')
    .from('fork')
    .when('b')
    .serviceTask('slowB', { type: 'slow' })
    .connect('join')
    .from('fork')
    .when('c')
    .task('cTask')
    .connect('join')
    .build();
}

describe('inclusive-gateway', () => {
  it('after a partial fork the join waits for the slow branch, not for the branch not taken', () => {
    // given
    const sim = new Sim(build(), { a: true, b: true, c: false });
    // then: fastA arrived, slowB still running → join waits
    expect(sim.trail()).toEqual(['s', 'fork', 'fastA']);
    expect(sim.state.joins).toEqual({ 'wf1/root|join': ['fastA->join'] });
    expect(sim.active()).toEqual(['slowB']);
    // when the slow branch finishes
    sim.completeTask('slowB');
    // then the join fires once
    expect(sim.trail()).toEqual(['s', 'fork', 'fastA', 'slowB', 'join', 'e']);
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('uses the upstream sets of the IR when given', () => {
    const sim = new Sim(
      build({
        'fastA->join': ['fastA', 'fork', 's'],
        'slowB->join': ['slowB', 'fork', 's'],
        'cTask->join': ['cTask', 'fork', 's'],
      }),
      { a: true, b: true, c: false },
    );
    expect(sim.active()).toEqual(['slowB']);
    sim.completeTask('slowB');
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('a single taken branch passes the join at once', () => {
    const sim = new Sim(build(), { a: true, b: false, c: false });
    expect(sim.trail()).toEqual(['s', 'fork', 'fastA', 'join', 'e']);
  });

  it('takes the default only when no condition holds; none and no default → incident', () => {
    const withDefault = proc()
      .start('s')
      .inclusive('g')
      .when('x')
      .end('e1')
      .from('g')
      .otherwise()
      .end('e2')
      .build();
    expect(new Sim(withDefault, { x: false }).trail()).toEqual(['s', 'g', 'e2']);
    expect(new Sim(withDefault, { x: true }).trail()).toEqual(['s', 'g', 'e1']);
    const noDefault = proc().start('s').inclusive('g').when('x').end('e1').build();
    const sim = new Sim(noDefault, { x: false });
    expect(Object.values(sim.state.incidents)[0].message).toContain(
      'no outgoing flow condition matched',
    );
  });
});
