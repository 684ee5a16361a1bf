/** Compensation (BPMN 2.0 §10.5.5, §13.5.5): see src/engine/compensation.ts. */
import { proc } from '../support/builder';
import '../support/builder-extra';
import type { ProcBuilder } from '../support/builder';
import { Sim } from '../support/sim';

/** Appends `name` to the variable `undone` (a list). */
const undo = (name: string) => `append(if undone = null then [] else undone, "${name}")`;

/** A script task `id` with a compensation boundary whose handler `undo<id>` records itself. */
function compensable(b: ProcBuilder, id: string): ProcBuilder {
  return b
    .script(id, `"${id}"`, `did${id}`)
    .compensation(`cb${id}`, id, `undo${id}`)
    .script(`undo${id}`, undo(id), 'undone')
    .handler(`undo${id}`);
}

describe('compensation', () => {
  it('an intermediate throw runs the handlers of completed activities in reverse order', () => {
    // given A then B completed, each with a handler
    let b = proc().start('s');
    b = compensable(b, 'A').from('A');
    b = compensable(b, 'B').from('B');
    const ir = b.compensateThrow('undoAll').script('after', 'undone', 'seen').end('e').build();
    // when the compensation throw event is reached
    const sim = new Sim(ir);
    // then B's handler runs before A's, then the throw event completes and the path continues
    expect(sim.trail()).toEqual(['s', 'A', 'B', 'undoB', 'undoA', 'undoAll', 'after', 'e']);
    expect(sim.vars()).toEqual({ didA: 'A', didB: 'B', undone: ['B', 'A'], seen: ['B', 'A'] });
    expect(sim.state.compensable).toBeUndefined();
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('a compensation end event in an event subprocess compensates the scope around it', () => {
    // given A completed with a handler, then the process waits at a user task
    let b = proc().start('s');
    b = compensable(b, 'A').from('A');
    const ir = b
      .userTask('wait')
      .end('e')
      .eventSubProcess('esp', { kind: 'message', message: { name: 'abort' } }, (inner) =>
        inner.start('es').compensateEnd('undoAll', { ofParent: true }),
      )
      .build();
    const sim = new Sim(ir);
    // when the interrupting event subprocess starts and reaches the compensation end event
    sim.message('abort', {});
    // then A is undone from inside the event subprocess, and the process ends there
    expect(sim.trail()).toEqual(['s', 'A', 'es', 'undoA', 'undoAll', 'esp']);
    expect(sim.vars()).toEqual({ didA: 'A', undone: ['A'] });
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('without ofParent (IR compiled before) a throw in an event subprocess compensates nothing', () => {
    let b = proc().start('s');
    b = compensable(b, 'A').from('A');
    const ir = b
      .userTask('wait')
      .end('e')
      .eventSubProcess('esp', { kind: 'message', message: { name: 'abort' } }, (inner) =>
        inner.start('es').compensateEnd('undoAll'),
      )
      .build();
    const sim = new Sim(ir);
    sim.message('abort', {});
    expect(sim.trail()).toEqual(['s', 'A', 'es', 'undoAll', 'esp']);
  });

  it('handlers run one at a time: the throw waits for each in turn', () => {
    const ir = proc()
      .start('s')
      .script('A', '1', 'a')
      .compensation('cbA', 'A', 'undoA')
      .userTask('undoA')
      .handler('undoA')
      .from('A')
      .script('B', '2', 'b')
      .compensation('cbB', 'B', 'undoB')
      .userTask('undoB')
      .handler('undoB')
      .from('B')
      .compensateThrow('comp')
      .end('e')
      .build();
    const sim = new Sim(ir);
    expect(sim.active()).toEqual(['comp', 'undoB']);
    sim.roundTrip().completeUserTask('undoB');
    expect(sim.active()).toEqual(['comp', 'undoA']);
    sim.completeUserTask('undoA', { undoneA: true });
    expect(sim.trail()).toEqual(['s', 'A', 'B', 'undoB', 'undoA', 'comp', 'e']);
    expect(sim.vars()).toEqual({ a: 1, b: 2, undoneA: true });
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('after a parallel join both branches are compensated, in reverse completion order', () => {
    const ir = proc()
      .start('s')
      .parallel('fork')
      .userTask('A')
      .compensation('cbA', 'A', 'undoA')
      .script('undoA', undo('A'), 'undone')
      .handler('undoA')
      .from('A')
      .parallel('join')
      .compensateEnd('end')
      .from('fork')
      .userTask('B')
      .compensation('cbB', 'B', 'undoB')
      .script('undoB', undo('B'), 'undone')
      .handler('undoB')
      .from('B')
      .connect('join')
      .build();
    const sim = new Sim(ir);
    sim.completeUserTask('B');
    sim.completeUserTask('A');
    expect(sim.trail()).toEqual(['s', 'fork', 'B', 'A', 'join', 'undoA', 'undoB', 'end']);
    expect(sim.vars()).toEqual({ undone: ['A', 'B'] });
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('activityRef compensates that activity only; each instance is compensated once', () => {
    let b = proc().start('s');
    b = compensable(b, 'A').from('A');
    b = compensable(b, 'B').from('B');
    const ir = b
      .compensateThrow('onlyA', { activityRef: 'A' })
      .compensateThrow('rest')
      .compensateThrow('nothingLeft')
      .end('e')
      .build();
    const sim = new Sim(ir);
    expect(sim.trail()).toEqual([
      's',
      'A',
      'B',
      'undoA',
      'onlyA',
      'undoB',
      'rest',
      'nothingLeft',
      'e',
    ]);
    expect(sim.vars()).toEqual(expect.objectContaining({ undone: ['A', 'B'] }));
  });

  it('an activity that never completed is not compensated', () => {
    // given B is interrupted by a timer before it completes
    let b = proc().start('s');
    b = compensable(b, 'A').from('A');
    const ir = b
      .userTask('B')
      .compensation('cbB', 'B', 'undoB')
      .script('undoB', undo('B'), 'undone')
      .handler('undoB')
      .from('B')
      .end('e1')
      .boundary('late', 'B', { timer: { expression: 'PT1H' } })
      .compensateEnd('compensate')
      .build();
    const sim = new Sim(ir);
    sim.advance(3_600_000);
    expect(sim.trail()).toEqual(['s', 'A', 'late', 'undoA', 'compensate']);
    expect(sim.vars()).toEqual({ didA: 'A', undone: ['A'] });
  });

  it('compensating a completed subprocess runs its inner handlers, then its own', () => {
    const ir = proc()
      .start('s')
      .subProcess('sp', (inner) => {
        let x = inner.start('ss');
        x = compensable(x, 'A').from('A');
        compensable(x, 'B').from('B').end('se');
      })
      .compensation('cbSp', 'sp', 'undoSp')
      .script('undoSp', undo('sp'), 'undone')
      .handler('undoSp')
      .from('sp')
      .compensateThrow('comp')
      .end('e')
      .build();
    const sim = new Sim(ir);
    expect(sim.trail()).toEqual([
      's',
      'ss',
      'A',
      'B',
      'se',
      'sp',
      'undoB',
      'undoA',
      'undoSp',
      'comp',
      'e',
    ]);
    expect(sim.vars()).toEqual(expect.objectContaining({ undone: ['B', 'A', 'sp'] }));
  });

  it('a throw inside a subprocess compensates that subprocess instance only', () => {
    let b = proc().start('s');
    b = compensable(b, 'Outer').from('Outer');
    const ir = b
      .subProcess('sp', (inner) => {
        compensable(inner.start('ss'), 'A').from('A').compensateThrow('innerComp').end('se');
      })
      .end('e')
      .build();
    const sim = new Sim(ir);
    expect(sim.trail()).toEqual(['s', 'Outer', 'ss', 'A', 'undoA', 'innerComp', 'se', 'sp', 'e']);
    expect(sim.state.compensable).toEqual({
      'wf1/root': [{ elementId: 'Outer', feiId: 'wf1/Outer/1' }],
    });
  });

  it('without waitForCompletion the throw continues at once', () => {
    const ir = proc()
      .start('s')
      .script('A', '1', 'a')
      .compensation('cbA', 'A', 'undoA')
      .userTask('undoA')
      .handler('undoA')
      .from('A')
      .compensateThrow('comp', { waitForCompletion: false })
      .userTask('next')
      .end('e')
      .build();
    const sim = new Sim(ir);
    expect(sim.trail()).toEqual(['s', 'A', 'comp']);
    expect(sim.active().sort()).toEqual(['next', 'undoA']);
    sim.completeUserTask('next');
    expect(sim.state.status).toBe('RUNNING');
    sim.completeUserTask('undoA');
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('a model without compensation boundaries keeps no records', () => {
    const ir = proc().start('s').script('A', '1', 'a').compensateThrow('c').end('e').build();
    const sim = new Sim(ir);
    expect(sim.trail()).toEqual(['s', 'A', 'c', 'e']);
    expect(sim.state.compensable).toBeUndefined();
    expect(sim.state.compensating).toBeUndefined();
  });
});
