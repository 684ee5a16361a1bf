import { proc } from '../support/builder';
import { Sim } from '../support/sim';

describe('exclusive-gateway', () => {
  const ir = proc()
    .start('s')
    .exclusive('g')
    .when('x > 10')
    .task('big')
    .end('e1')
    .from('g')
    .when('x > 5')
    .task('mid')
    .end('e2')
    .from('g')
    .otherwise()
    .task('small')
    .end('e3')
    .build();

  it.each([
    [20, 'big'],
    [7, 'mid'],
    [1, 'small'],
    [null, 'small'],
  ])('x = %p takes %s (first true condition in document order, else default)', (x, taken) => {
    const sim = new Sim(ir, { x });
    expect(sim.trail().slice(0, 3)).toEqual(['s', 'g', taken]);
  });

  it('no condition true and no default → incident "no outgoing flow condition matched"; retry re-evaluates', () => {
    const ir2 = proc().start('s').exclusive('g').when('ok').end('e').build();
    const sim = new Sim(ir2, { ok: false });
    const [incident] = Object.values(sim.state.incidents);
    expect(incident.kind).toBe('expression');
    expect(incident.message).toContain('no outgoing flow condition matched');
    sim.send({ type: 'incidentRetried', incidentId: incident.id });
    expect(Object.values(sim.state.incidents)).toHaveLength(1);
  });

  it('conditional flows out of an activity: true + unconditional ones, default when none', () => {
    const ir3 = proc()
      .start('s')
      .task('t')
      .when('a')
      .end('ea')
      .from('t')
      .when('b')
      .end('eb')
      .from('t')
      .end('always')
      .build();
    const sim = new Sim(ir3, { a: true, b: false });
    expect(sim.trail()).toEqual(['s', 't', 'ea', 'always']);
  });
});
