import { proc } from '../support/builder';
import { Sim } from '../support/sim';

describe('script-task', () => {
  it('stores the FEEL result in resultVariable, converting dates and durations to strings', () => {
    const ir = proc()
      .start('s')
      .script('sum', 'a + b', 'total')
      .script('d', 'date("2024-02-03") + duration("P1D")', 'day')
      .script('dur', 'duration("PT90M")', 'span')
      .script('clock', 'string(now())', 'at')
      .end('e')
      .build();
    const sim = new Sim(ir, { a: 1, b: 2 });
    expect(sim.vars()).toEqual({
      a: 1,
      b: 2,
      total: 3,
      day: '2024-02-04',
      span: 'PT1H30M',
      at: '2024-01-01T00:00:00Z',
    });
  });

  it('a FEEL syntax error is an expression incident', () => {
    const sim = new Sim(proc().start('s').script('bad', 'a +', 'x').end('e').build());
    const [incident] = Object.values(sim.state.incidents);
    expect(incident).toMatchObject({ kind: 'expression', elementId: 'bad' });
    expect(sim.state.status).toBe('RUNNING');
  });

  it('runs a 10,000-iteration loop in one step', () => {
    // given: i := i + 1 until 10,000
    const ir = proc()
      .start('s')
      .script('inc', 'i + 1', 'i')
      .exclusive('more')
      .when('i < 10000')
      .connect('inc')
      .from('more')
      .otherwise()
      .end('e')
      .build();
    // when
    const sim = new Sim(ir, { i: 0 });
    // then
    expect(sim.state.status).toBe('COMPLETED');
    expect(sim.vars()).toEqual({ i: 10000 });
    expect(sim.state.trail).toHaveLength(1000);
    expect(sim.state.trailDropped).toBe(1 + 20000 + 1 - 1000);
    expect(sim.state.visits.inc).toBe(10000);
    expect(sim.state.trail[999].elementId).toBe('e');
  });

  it('the runaway guard parks an endless loop in an incident naming the element', () => {
    const ir = proc().start('s').task('a').task('b').connect('a').build();
    const sim = new Sim(ir, {}, { maxEntriesPerStep: 500 });
    const incidents = Object.values(sim.state.incidents);
    expect(incidents).toHaveLength(1);
    expect(incidents[0].message).toMatch(
      /runaway guard: more than 500 element entries in one step \(at element '(a|b)'\)/,
    );
    expect(sim.state.status).toBe('RUNNING');
  });
});
