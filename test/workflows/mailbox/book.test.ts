/**
 * The mailbox's bookkeeping (workflows/mailbox/book.ts) without Temporal: who a publication,
 * a buffered publication, a correlation and a handed-back delivery reach, and the races the
 * workflow relies on it for (publish before subscribe, a delivery to a closed subscription,
 * a second publication while the first delivery is in flight).
 */
import { MailboxBook } from '../../../workflows/mailbox/book';

const sub = (instanceId: string, subscriptionId = `${instanceId}/c|Catch`) => ({
  instanceId,
  subscriptionId,
  elementId: 'Catch',
});
const pub = (messageKey: string, timeToLive = 0, messageId?: string) => ({
  messageKey,
  variables: { k: messageKey },
  timeToLive,
  ...(messageId ? { messageId } : {}),
});
const fresh = () => new MailboxBook({ subscribers: [], messages: [] });
const targets = (ds: { to: { instanceId: string }; messageKey: string }[]) =>
  ds.map((d) => `${d.to.instanceId}:${d.messageKey}`);

describe('MailboxBook', () => {
  it('delivers a publication to the first subscription of every waiting instance, once', () => {
    const book = fresh();
    book.subscribe(sub('i1', 'a'), 0);
    book.subscribe(sub('i1', 'b'), 0);
    book.subscribe(sub('i2'), 0);
    const { result, deliveries } = book.publish(pub('m1'), 0);
    expect(targets(deliveries)).toEqual(['i1:m1', 'i2:m1']);
    expect(result).toMatchObject({
      reached: [{ instanceId: 'i1' }, { instanceId: 'i2' }],
      buffered: false,
    });
    // the delivered subscriptions left the book; i1's second one still waits
    expect(book.state.subscribers.map((s) => s.subscriptionId)).toEqual(['b']);
    expect(book.state.messages).toEqual([]);
  });

  it('loses a publication without time to live that comes before the subscription (race: publish first)', () => {
    const book = fresh();
    book.publish(pub('m1'), 0);
    expect(book.subscribe(sub('i1'), 1)).toEqual([]);
    expect(book.idle()).toBe(false);
  });

  it('keeps a buffered publication for instances that subscribe within its time to live, each once', () => {
    const book = fresh();
    expect(book.publish(pub('m1', 1000), 0).result.buffered).toBe(true);
    expect(targets(book.subscribe(sub('i1'), 10))).toEqual(['i1:m1']);
    // i1 subscribing again (a non-interrupting boundary) does not get it twice
    expect(book.subscribe(sub('i1', 'again'), 20)).toEqual([]);
    expect(targets(book.subscribe(sub('i2'), 999))).toEqual(['i2:m1']);
    // after it expired, nobody gets it, and the book forgets it
    expect(book.subscribe(sub('i3'), 1000)).toEqual([]);
    expect(book.state.messages).toEqual([]);
    expect(book.nextExpiry()).toBeUndefined();
  });

  it('refuses a messageId that is still buffered, and accepts it once expired', () => {
    const book = fresh();
    book.publish(pub('m1', 100, 'id-1'), 0);
    expect(book.publish(pub('m2', 100, 'id-1'), 50).result.duplicateOf).toBe('m1');
    expect(book.publish(pub('m3', 100, 'id-1'), 100).result.duplicateOf).toBeUndefined();
  });

  it('correlates to the first subscription only and buffers nothing', () => {
    const book = fresh();
    expect(book.correlate('c0', {}).reached).toBeNull();
    book.subscribe(sub('i1'), 0);
    book.subscribe(sub('i2'), 0);
    const { reached, deliveries } = book.correlate('c1', { x: 1 });
    expect(reached).toEqual({ instanceId: 'i1', elementId: 'Catch' });
    expect(targets(deliveries)).toEqual(['i1:c1']);
    expect(book.state.messages).toEqual([]);
  });

  it('takes a buffered delivery back when its subscription had closed (race: unsubscribe in flight)', () => {
    const book = fresh();
    book.subscribe(sub('i1'), 0);
    // delivered to i1, whose subscription closed meanwhile: i1 hands it back
    expect(targets(book.publish(pub('m1', 1000), 0).deliveries)).toEqual(['i1:m1']);
    expect(book.unclaimed('m1', 'i1', 20)).toEqual([]);
    // i1 never consumed it, so a later subscription of i1 gets it
    expect(targets(book.subscribe(sub('i1', 'later'), 30))).toEqual(['i1:m1']);
    // a message that was not buffered is simply dropped when handed back
    book.subscribe(sub('i2'), 40);
    book.publish(pub('m2'), 40);
    expect(book.unclaimed('m2', 'i2', 41)).toEqual([]);
  });

  it('one delivery at a time per subscription: a second publication waits for the re-registration', () => {
    const book = fresh();
    book.subscribe(sub('i1'), 0);
    expect(targets(book.publish(pub('m1', 1000), 0).deliveries)).toEqual(['i1:m1']);
    expect(book.publish(pub('m2', 1000), 1).deliveries).toEqual([]);
    // the subscription stays open (non-interrupting) and registers again: it gets m2
    expect(targets(book.subscribe(sub('i1'), 2))).toEqual(['i1:m2']);
  });

  it('is idle only when nothing waits and nothing is buffered', () => {
    const book = fresh();
    expect(book.idle()).toBe(true);
    book.subscribe(sub('i1'), 0);
    expect(book.idle()).toBe(false);
    book.forget('i1');
    expect(book.idle()).toBe(true);
  });
  describe('starts after the key is released (Camunda 8 keyed message starts)', () => {
    it('takes the oldest buffered publication the definition has not started, once', () => {
      const book = fresh();
      book.publish(pub('m1', 1_000), 0);
      book.publish(pub('m2', 1_000), 0);
      // the holder was started by m1: m1 counts as started, m2 starts the next instance
      expect(book.takeForStart('order', 'm1', 10)?.messageKey).toBe('m2');
      expect(book.takeForStart('order', undefined, 20)).toBeUndefined();
      // another definition with the same message start still gets the oldest
      expect(book.takeForStart('audit', undefined, 30)?.messageKey).toBe('m1');
    });

    it('gives a refused start back, and takes nothing expired', () => {
      const book = fresh();
      book.publish(pub('m1', 100), 0);
      expect(book.takeForStart('order', undefined, 10)?.messageKey).toBe('m1');
      book.startRefused('m1', 'order');
      expect(book.takeForStart('order', undefined, 20)?.messageKey).toBe('m1');
      book.startRefused('m1', 'order');
      expect(book.takeForStart('order', undefined, 200)).toBeUndefined();
    });
  });
});
