import { callbackStatus, isQuiescent } from '../../../src/engine';
import type { CallbackInput } from '../../../src/engine';
import { io, proc } from '../support/builder';
import { Sim } from '../support/sim';

const FEI = 'wf1/notify/1';
const ok = (data: Record<string, unknown>, attempt = 1): CallbackInput => ({
  feiId: FEI,
  attempt,
  outcome: 'success',
  data,
});
const err = (errorMessage: string, attempt = 1, errorCode?: string): CallbackInput => ({
  feiId: FEI,
  attempt,
  outcome: 'error',
  errorMessage,
  ...(errorCode !== undefined ? { errorCode } : {}),
});

function callback(sim: Sim, input: CallbackInput) {
  return sim.send({ type: 'callbackReceived', ...input });
}

describe('callback-task (service task of type callback)', () => {
  const ir = proc()
    .start('s')
    .serviceTask('notify', {
      type: 'callback',
      name: 'Notify',
      retries: 2,
      headers: { url: 'http://svc/${customer}', authorization: 'Bearer k' },
    })
    .end('e')
    .build();

  it('sends every visible variable, waits after the ack, merges the callback data once', () => {
    // given an instance at the callback task
    const sim = new Sim(ir, { customer: 'c1', amount: 3 });
    expect(sim.last).toEqual([
      {
        type: 'scheduleTask',
        feiId: FEI,
        elementId: 'notify',
        name: 'Notify',
        taskType: 'callback',
        retries: 2,
        headers: { url: 'http://svc/c1', authorization: 'Bearer k' },
        variables: { customer: 'c1', amount: 3 },
        callbackAttempt: 1,
      },
    ]);
    expect(isQuiescent(sim.state)).toBe(false);
    // when the service acknowledges the request
    sim.completeTask('notify', { ignored: true });
    // then the task still waits, with nothing in flight
    expect(sim.active()).toEqual(['notify']);
    expect(isQuiescent(sim.state)).toBe(true);
    expect(callbackStatus(sim.state, ok({ amount: 4 }))).toEqual({ status: 'accept' });
    // when the callback comes
    callback(sim, ok({ amount: 4, receipt: 'r' }));
    // then only its data are merged and the process goes on
    expect(sim.state.status).toBe('COMPLETED');
    expect(sim.vars()).toEqual({ customer: 'c1', amount: 4, receipt: 'r' });
    expect(sim.trail()).toEqual(['s', 'notify', 'e']);
    // and a repeat is a duplicate, another outcome a conflict, another id unknown
    expect(callbackStatus(sim.state, ok({ receipt: 'r', amount: 4 }))).toEqual({
      status: 'duplicate',
    });
    expect(callbackStatus(sim.state, err('x')).status).toBe('conflict');
    expect(callbackStatus(sim.state, ok({ amount: 5 })).status).toBe('conflict');
    expect(callbackStatus(sim.state, { ...ok({}), feiId: 'wf1/notify/2' }).status).toBe('unknown');
    expect(callbackStatus(sim.state, { ...ok({}), feiId: 'other/notify/1' }).status).toBe(
      'unknown',
    );
  });

  it('sends only the input-mapped variables when the task has inputs', () => {
    const withInputs = proc()
      .start('s')
      .serviceTask('notify', {
        type: 'callback',
        headers: { url: 'http://svc' },
        inputs: io({ orderId: 'order.id' }),
      })
      .end('e')
      .build();
    const sim = new Sim(withInputs, { order: { id: 7 }, secret: 'x' });
    expect(sim.commandsOf('scheduleTask')[0].variables).toEqual({ orderId: 7 });
    sim.completeTask('notify');
    callback(sim, ok({ shipped: true }));
    expect(sim.vars()).toEqual({ order: { id: 7 }, secret: 'x', shipped: true });
  });

  it('keeps a callback that arrives before the ack and applies it on the ack', () => {
    const sim = new Sim(ir, { customer: 'c1' });
    // when the service calls back before it answers the request
    callback(sim, ok({ fast: true }));
    // then nothing moves yet, the repeat is recognised
    expect(sim.active()).toEqual(['notify']);
    expect(callbackStatus(sim.state, ok({ fast: true }))).toEqual({ status: 'duplicate' });
    // and the state survives continue-as-new
    sim.roundTrip();
    sim.completeTask('notify');
    expect(sim.state.status).toBe('COMPLETED');
    expect(sim.vars()).toEqual({ customer: 'c1', fast: true });
  });

  it('applies an early callback even when the delivery then failed', () => {
    const sim = new Sim(ir, { customer: 'c1' });
    callback(sim, ok({ fast: true }));
    sim.send({ type: 'taskFailed', feiId: FEI, message: 'HTTP 500' });
    expect(sim.state.incidents).toEqual({});
    expect(sim.vars()).toEqual({ customer: 'c1', fast: true });
  });

  it('resumes a failed delivery when the callback comes anyway', () => {
    const sim = new Sim(ir, { customer: 'c1' });
    sim.send({ type: 'taskFailed', feiId: FEI, message: 'HTTP 500' });
    expect(Object.values(sim.state.incidents)).toEqual([
      expect.objectContaining({ kind: 'task', message: 'HTTP 500' }),
    ]);
    callback(sim, ok({ late: 1 }));
    expect(sim.state.incidents).toEqual({});
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('an error callback without boundary is a callback incident; retry re-sends as attempt 2', () => {
    const sim = new Sim(ir, { customer: 'c1' });
    sim.completeTask('notify');
    callback(sim, err('out of stock'));
    const [incident] = Object.values(sim.state.incidents);
    expect(incident).toMatchObject({
      kind: 'callback',
      message: 'out of stock',
      elementId: 'notify',
    });
    expect(callbackStatus(sim.state, err('out of stock'))).toEqual({ status: 'duplicate' });
    expect(callbackStatus(sim.state, ok({})).status).toBe('conflict');
    // when the incident is retried
    const cmds = sim.send({ type: 'incidentRetried', incidentId: incident.id });
    // then the request is sent again, for attempt 2
    expect(cmds).toEqual([
      expect.objectContaining({ type: 'scheduleTask', feiId: FEI, callbackAttempt: 2 }),
    ]);
    expect(callbackStatus(sim.state, err('out of stock'))).toEqual({ status: 'duplicate' });
    expect(callbackStatus(sim.state, ok({}, 1)).status).toBe('conflict');
    expect(callbackStatus(sim.state, ok({}, 2))).toEqual({ status: 'accept' });
    // a stale callback of attempt 1 changes nothing
    callback(sim, ok({ stale: true }, 1));
    sim.completeTask('notify');
    expect(sim.active()).toEqual(['notify']);
    callback(sim, ok({ restocked: true }, 2));
    expect(sim.vars()).toEqual({ customer: 'c1', restocked: true });
    expect(sim.state.status).toBe('COMPLETED');
  });

  it('an error callback takes the error boundary: exact code over catch-all, errorMessage set', () => {
    const guarded = proc()
      .start('s')
      .serviceTask('notify', { type: 'callback', headers: { url: 'http://svc' } })
      .end('e')
      .boundary('any', 'notify', { error: undefined })
      .end('failed')
      .boundary('stock', 'notify', { error: 'NO_STOCK' })
      .end('noStock')
      .build();
    const sim = new Sim(guarded);
    sim.completeTask('notify');
    callback(sim, err('gone', 1, 'NO_STOCK'));
    expect(sim.trail()).toEqual(['s', 'stock', 'noStock']);
    expect(sim.vars()).toEqual({ errorMessage: 'gone', errorCode: 'NO_STOCK' });
    expect(callbackStatus(sim.state, err('gone', 1, 'NO_STOCK'))).toEqual({ status: 'duplicate' });

    const sim2 = new Sim(guarded);
    sim2.completeTask('notify');
    callback(sim2, err('boom'));
    expect(sim2.trail()).toEqual(['s', 'any', 'failed']);
    expect(sim2.vars()).toEqual({ errorMessage: 'boom' });
  });

  it('a boundary timer bounds the wait; a later callback is a conflict', () => {
    const timed = proc()
      .start('s')
      .serviceTask('notify', { type: 'callback', headers: { url: 'http://svc' } })
      .end('e')
      .boundary('late', 'notify', { timer: { expression: 'PT1M' } })
      .end('timedOut')
      .build();
    const sim = new Sim(timed);
    sim.completeTask('notify');
    sim.advance(60_000);
    expect(sim.trail()).toEqual(['s', 'late', 'timedOut']);
    expect(sim.state.callbacks).toEqual({});
    expect(callbackStatus(sim.state, ok({})).status).toBe('conflict');
    // a timer firing while the request is in flight cancels it
    const sim2 = new Sim(timed);
    const cmds = sim2.advance(60_000);
    expect(cmds).toContainEqual({ type: 'cancelWork', feiId: FEI });
  });

  it('other task types keep job semantics', () => {
    const plain = proc().start('s').serviceTask('notify', { type: 'noop' }).end('e').build();
    const sim = new Sim(plain);
    expect(sim.last[0]).not.toHaveProperty('callbackAttempt');
    sim.completeTask('notify');
    expect(sim.state.status).toBe('COMPLETED');
    expect(sim.state.callbacks).toBeUndefined();
  });
});
