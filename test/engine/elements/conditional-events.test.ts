import { proc } from '../support/builder';
import { Sim } from '../support/sim';

describe('conditional events', () => {
  it('an intermediate catch passes at once when the condition holds at activation', () => {
    const ir = proc()
      .start('s')
      .conditionalCatch('wait', { expression: 'ready = true' })
      .end('e')
      .build();
    const sim = new Sim(ir, { ready: true });
    expect(sim.trail()).toEqual(['s', 'wait', 'e']);
  });

  it('an intermediate catch waits until a step writes variables that make it true', () => {
    const ir = proc()
      .start('s')
      .parallel('f')
      .conditionalCatch('wait', { expression: 'stock > 5' })
      .end('e1')
      .from('f')
      .userTask('restock')
      .end('e2')
      .build();
    const sim = new Sim(ir, { stock: 1 });
    expect(sim.active()).toEqual(['wait', 'restock']);
    sim.completeUserTask('restock', { stock: 10 });
    expect(sim.trail()).toEqual(['s', 'f', 'restock', 'e2', 'wait', 'e1']);
    expect(sim.state.status).toBe('COMPLETED');
    expect(sim.state.conditions).toEqual([]);
  });

  it('variableNames filter: changes of other variables do not re-evaluate', () => {
    const ir = proc()
      .start('s')
      .parallel('f')
      .userTask('watch')
      .end('done')
      .from('f')
      .userTask('setA')
      .userTask('setB')
      .end('e')
      .eventBoundary('cond', 'watch', { condition: { expression: 'a > 0', variableNames: ['b'] } })
      .end('fired')
      .build();
    const sim = new Sim(ir, { a: 0 });
    sim.completeUserTask('setA', { a: 5 }); // true now, but `a` is not watched
    expect(sim.active()).toEqual(['watch', 'setB']);
    sim.completeUserTask('setB', { b: 1 }); // a watched variable changed: evaluated, true
    expect(sim.trail().slice(-3)).toEqual(['e', 'cond', 'fired']);
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('an interrupting boundary fires when a variable changes and the condition becomes true', () => {
    const ir = proc()
      .start('s')
      .parallel('f')
      .userTask('review')
      .end('reviewed')
      .from('f')
      .userTask('edit')
      .end('edited')
      .eventBoundary('changed', 'review', { condition: { expression: 'address != null' } })
      .end('redo')
      .build();
    const sim = new Sim(ir);
    sim.completeUserTask('edit', { address: 'Main St' });
    expect(sim.trail()).toEqual(['s', 'f', 'edit', 'edited', 'changed', 'redo']);
    expect(sim.state.userTasks).toEqual({});
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('a non-interrupting boundary fires again only after the condition was false in between', () => {
    const ir = proc()
      .start('s')
      .parallel('f')
      .userTask('watch')
      .end('done')
      .from('f')
      .userTask('a')
      .userTask('b')
      .userTask('c')
      .userTask('d')
      .end('e')
      .eventBoundary('hot', 'watch', { condition: { expression: 'temp > 30' } }, false)
      .task('alarm')
      .end('alarmed')
      .build();
    const sim = new Sim(ir, { temp: 20 });
    sim.completeUserTask('a', { temp: 35 });
    sim.completeUserTask('b', { temp: 40 }); // still true: no new firing
    expect(sim.trail().filter((e) => e === 'hot')).toHaveLength(1);
    sim.completeUserTask('c', { temp: 10 }); // false again
    sim.completeUserTask('d', { temp: 50 }); // true anew: fires again
    expect(sim.trail().filter((e) => e === 'hot')).toHaveLength(2);
    expect(sim.active()).toEqual(['watch']);
  });

  it('variableEvents create: only a newly created variable re-evaluates', () => {
    const ir = proc()
      .start('s')
      .parallel('f')
      .conditionalCatch('wait', {
        expression: 'x > 1',
        variableNames: ['x'],
        variableEvents: ['create'],
      })
      .end('e1')
      .from('f')
      .userTask('a')
      .userTask('b')
      .end('e2')
      .build();
    const sim = new Sim(ir, { x: 0 });
    sim.completeUserTask('a', { x: 5 }); // an update, not a create
    expect(sim.active()).toContain('wait');
  });

  it('an event subprocess conditional start interrupts the process when the condition turns true', () => {
    const ir = proc()
      .start('s')
      .userTask('work')
      .userTask('more')
      .end('e')
      .eventSubProcess(
        'cancel',
        { kind: 'conditional', condition: { expression: 'cancelled = true' } },
        (b) => b.start('cs').end('ce'),
      )
      .build();
    const sim = new Sim(ir, { cancelled: false });
    sim.completeUserTask('work', { cancelled: true });
    expect(sim.trail()).toEqual(['s', 'work', 'cs', 'ce', 'cancel']);
    expect(sim.state.userTasks).toEqual({});
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('an event subprocess conditional start is evaluated when its scope starts', () => {
    const ir = proc()
      .start('s')
      .userTask('work')
      .end('e')
      .eventSubProcess(
        'esp',
        { kind: 'conditional', condition: { expression: 'vip' } },
        (b) => b.start('cs').end('ce'),
        {
          interrupting: false,
        },
      )
      .build();
    const sim = new Sim(ir, { vip: true });
    expect(sim.trail()).toEqual(['s', 'cs', 'ce', 'esp']);
    expect(sim.active()).toEqual(['work']);
  });
});
