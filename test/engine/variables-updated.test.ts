/**
 * The `variablesUpdated` event (an operator's `PATCH …/variables`): it merges into the root
 * scope, a later gateway decides on the new values, a conditional event watching a changed
 * variable fires, a nearer scope's own variable shadows the root's, reserved names are skipped
 * and a finished instance ignores it.
 */
import { proc } from './support/builder';
import { Sim } from './support/sim';

describe('variablesUpdated', () => {
  const routed = proc()
    .start('s')
    .userTask('review')
    .exclusive('g')
    .when('route = "fast"')
    .end('fast')
    .from('g')
    .otherwise()
    .end('slow')
    .build();

  it('merges into the root scope and a later gateway decides on the new value', () => {
    // Given an instance waiting at a user task with route = "slow"
    const sim = new Sim(routed, { route: 'slow', keep: 1 });
    expect(sim.active()).toEqual(['review']);

    // When route is set to "fast" and a new variable is added
    sim.send({ type: 'variablesUpdated', variables: { route: 'fast', note: { by: 'op' } } });

    // Then the root holds the merge, nothing moved yet, and the gateway takes the fast path
    expect(sim.vars()).toEqual({ route: 'fast', keep: 1, note: { by: 'op' } });
    expect(sim.active()).toEqual(['review']);
    sim.completeUserTask('review');
    expect(sim.trail()).toEqual(['s', 'review', 'g', 'fast']);
  });

  it('a conditional boundary watching the changed variable fires in the same step', () => {
    const ir = proc()
      .start('s')
      .userTask('wait')
      .end('done')
      .eventBoundary('escalate', 'wait', { condition: { expression: 'priority > 5' } })
      .end('escalated')
      .build();
    const sim = new Sim(ir, { priority: 1 });
    sim.send({ type: 'variablesUpdated', variables: { priority: 9 } });
    expect(sim.trail()).toEqual(['s', 'escalate', 'escalated']);
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('a subprocess-local variable of the same name keeps shadowing the root inside it', () => {
    const ir = proc()
      .start('s')
      .subProcess(
        'sub',
        (b) =>
          b
            .start('ss')
            .userTask('inner')
            .exclusive('ig')
            .when('x = 1')
            .end('one')
            .from('ig')
            .otherwise()
            .end('other'),
        { inputs: [{ source: '1', target: 'x' }] },
      )
      .end('e')
      .build();
    const sim = new Sim(ir, { x: 0 });
    sim.send({ type: 'variablesUpdated', variables: { x: 2 } });
    sim.completeUserTask('inner');
    expect(sim.trail()).toContain('one');
    expect(sim.vars().x).toBe(2);
  });

  it('skips reserved names and is ignored once the instance finished', () => {
    const sim = new Sim(routed, { route: 'slow' });
    const raw = JSON.parse('{"__proto__": {"polluted": true}, "ok": true}');
    sim.send({ type: 'variablesUpdated', variables: raw });
    expect(sim.vars()).toEqual({ route: 'slow', ok: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    sim.completeUserTask('review');
    expect(sim.state.status).toBe('COMPLETED');
    sim.send({ type: 'variablesUpdated', variables: { route: 'late' } });
    expect(sim.vars().route).toBe('slow');
  });
});
