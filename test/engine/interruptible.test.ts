import { isInterruptible } from '../../src/engine';
import { proc } from './support/builder';

describe('isInterruptible', () => {
  it('a service task on its own cannot be interrupted', () => {
    const ir = proc().start('s').serviceTask('t', { type: 'noop' }).end('e').build();
    expect(isInterruptible(ir, 't')).toBe(false);
  });

  it('an interrupting boundary event (timer, message, error) makes its host interruptible', () => {
    // given: three tasks, each with one kind of interrupting boundary, and one with a non-interrupting one
    const ir = proc()
      .start('s')
      .parallel('fork')
      .serviceTask('timed', { type: 'noop' })
      .end('e1')
      .from('fork')
      .serviceTask('messaged', { type: 'noop' })
      .end('e2')
      .from('fork')
      .serviceTask('failing', { type: 'noop' })
      .end('e3')
      .from('fork')
      .serviceTask('reminded', { type: 'noop' })
      .end('e4')
      .boundary('bt', 'timed', { timer: { expression: 'PT1M' } })
      .end('bte')
      .boundary('bm', 'messaged', { message: { name: 'stop' } })
      .end('bme')
      .boundary('be', 'failing', { error: 'E1' })
      .end('bee')
      .boundary('br', 'reminded', { timer: { expression: 'PT1M' }, cancelActivity: false })
      .end('bre')
      .build();
    // then
    expect(
      ['timed', 'messaged', 'failing', 'reminded'].map((id) => isInterruptible(ir, id)),
    ).toEqual([true, true, true, false]);
  });

  it('an interrupting boundary on a subprocess makes everything inside it interruptible', () => {
    const ir = proc()
      .start('s')
      .subProcess('sp', (b) =>
        b
          .start('ss')
          .subProcess('inner', (c) => c.start('is').serviceTask('deep', { type: 'noop' }).end('ie'))
          .end('se'),
      )
      .serviceTask('after', { type: 'noop' })
      .end('e')
      .boundary('b', 'sp', { error: undefined })
      .end('be')
      .build();
    expect(isInterruptible(ir, 'deep')).toBe(true);
    expect(isInterruptible(ir, 'after')).toBe(false);
  });

  it('a terminate end event interrupts its own scope and every subprocess in it, not enclosing ones', () => {
    // given: a terminate end at process level, and another inside a subprocess
    const atRoot = proc()
      .start('s')
      .parallel('f')
      .serviceTask('t', { type: 'noop' })
      .end('e')
      .from('f')
      .subProcess('sp', (b) => b.start('ss').serviceTask('inside', { type: 'noop' }).end('se'))
      .terminate('kill')
      .build();
    const inSub = proc()
      .start('s')
      .parallel('f')
      .serviceTask('t', { type: 'noop' })
      .end('e')
      .from('f')
      .subProcess('sp', (b) =>
        b
          .start('ss')
          .parallel('g')
          .serviceTask('inside', { type: 'noop' })
          .end('se')
          .from('g')
          .terminate('kill'),
      )
      .end('e2')
      .build();
    // then
    expect([isInterruptible(atRoot, 't'), isInterruptible(atRoot, 'inside')]).toEqual([true, true]);
    expect([isInterruptible(inSub, 't'), isInterruptible(inSub, 'inside')]).toEqual([false, true]);
  });
});
