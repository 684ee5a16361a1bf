/** Transaction subprocess and cancel events (BPMN 2.0 §10.3.5): see src/engine/transaction.ts. */
import { proc } from '../support/builder';
import '../support/builder-extra';
import { Sim } from '../support/sim';

const undo = (name: string) => `append(if undone = null then [] else undone, "${name}")`;

describe('transaction', () => {
  it('a cancel end event cancels the rest, compensates in reverse order, then takes the cancel boundary', () => {
    // given a transaction: book (compensable) → pay (compensable) → fork: cancel end | slow user task
    const ir = proc()
      .start('s')
      .subProcess('tx', (b) =>
        b
          .start('ts')
          .script('book', '"b"', 'booked')
          .compensation('cbBook', 'book', 'unbook')
          .script('unbook', undo('book'), 'undone')
          .handler('unbook')
          .from('book')
          .script('pay', '"p"', 'paid')
          .compensation('cbPay', 'pay', 'refund')
          .script('refund', undo('pay'), 'undone')
          .handler('refund')
          .from('pay')
          .parallel('fork')
          .userTask('slow')
          .end('te')
          .from('fork')
          .cancelEnd('cancel'),
      )
      .end('e')
      .cancelBoundary('cancelled', 'tx')
      .script('after', 'undone', 'seen')
      .end('e2')
      .build();
    const sim = new Sim(ir);
    // then the slow task was cancelled (no trail entry), handlers ran pay first, then book
    expect(sim.trail()).toEqual([
      's',
      'ts',
      'book',
      'pay',
      'fork',
      'refund',
      'unbook',
      'cancel',
      'cancelled',
      'after',
      'e2',
    ]);
    expect(sim.vars()).toEqual({
      booked: 'b',
      paid: 'p',
      undone: ['pay', 'book'],
      seen: ['pay', 'book'],
    });
    expect(sim.state.userTasks).toEqual({});
    expect(sim.state.compensable).toBeUndefined();
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('a transaction that completes normally leaves by its outgoing flow', () => {
    const ir = proc()
      .start('s')
      .subProcess('tx', (b) =>
        b
          .start('ts')
          .exclusive('ok')
          .when('fail')
          .cancelEnd('cancel')
          .from('ok')
          .otherwise()
          .end('te'),
      )
      .end('e')
      .cancelBoundary('cancelled', 'tx')
      .end('e2')
      .build();
    expect(new Sim(ir, { fail: false }).trail()).toEqual(['s', 'ts', 'ok', 'te', 'tx', 'e']);
    expect(new Sim(ir, { fail: true }).trail()).toEqual([
      's',
      'ts',
      'ok',
      'cancel',
      'cancelled',
      'e2',
    ]);
  });
});
