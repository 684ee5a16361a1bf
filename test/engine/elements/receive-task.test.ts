import { proc } from '../support/builder';
import { Sim } from '../support/sim';

describe('receive-task and message catch', () => {
  const ir = proc()
    .start('s')
    .receiveTask('wait', { name: 'paid', correlationKey: 'orderId' })
    .messageCatch('ack', { name: 'ack' })
    .end('e')
    .build();

  it('waits on a subscription and takes the message variables', () => {
    const sim = new Sim(ir, { orderId: 7 });
    expect(sim.state.subscriptions).toEqual([
      { elementId: 'wait', feiId: 'wf1/wait/1', name: 'paid', correlationKey: '7' },
    ]);
    sim.message('paid', { amount: 3 }, { correlationKey: '8' }); // other key: buffered
    expect(sim.active()).toEqual(['wait']);
    expect(sim.state.messages).toHaveLength(1);
    sim.message('paid', { amount: 5 }, { correlationKey: '7' });
    expect(sim.active()).toEqual(['ack']);
    sim.message('ack');
    expect(sim.state.status).toBe('COMPLETED');
    expect(sim.vars()).toEqual({ orderId: 7, amount: 5 });
  });

  it('buffers a message that arrives early and dedupes by messageId', () => {
    // given: the messages arrive before the instance waits for them
    const ir2 = proc()
      .start('s')
      .userTask('first')
      .receiveTask('wait', { name: 'go' })
      .receiveTask('again', { name: 'go' })
      .end('e')
      .build();
    const sim = new Sim(ir2);
    sim.message('go', { n: 1 }, { messageId: 'm1' });
    sim.message('go', { n: 2 }, { messageId: 'm1' }); // duplicate: dropped
    expect(sim.state.messages).toHaveLength(1);
    expect(sim.state.seenMessageIds).toEqual(['m1']);
    // when
    sim.completeUserTask('first');
    // then the buffered message is consumed at once, the duplicate never counted
    expect(sim.trail()).toEqual(['s', 'first', 'wait']);
    expect(sim.active()).toEqual(['again']);
    expect(sim.vars()).toEqual({ n: 1 });
    sim.message('go', { n: 3 }, { messageId: 'm1' });
    expect(sim.active()).toEqual(['again']);
    sim.message('go', { n: 4 }, { messageId: 'm2' });
    expect(sim.state.status).toBe('COMPLETED');
    expect(sim.vars()).toEqual({ n: 4 });
  });

  it('keeps only the last 1,000 message ids', () => {
    const sim = new Sim(proc().start('s').userTask('u').end('e').build());
    for (let i = 0; i < 1005; i++) sim.message('x', {}, { messageId: `id${i}` });
    expect(sim.state.seenMessageIds).toHaveLength(1000);
    expect(sim.state.seenMessageIds[0]).toBe('id5');
  });
});
