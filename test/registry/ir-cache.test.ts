/**
 * The IR cache: bounded by JSON length, least recently used dropped first, entries frozen.
 */
import { IrCache } from '../../src/registry/ir-cache';

describe('IrCache', () => {
  it('keeps IRs up to its budget, dropping the least recently used', () => {
    // given room for two 12-character IRs
    const cache = new IrCache(30);
    const a = cache.add('a', '{"n":"aaaa"}');
    cache.add('b', '{"n":"bbbb"}');
    // when `a` is read and `c` arrives, then `b` goes
    expect(cache.get('a')).toBe(a);
    cache.add('c', '{"n":"cccc"}');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual({ n: 'aaaa' });
    expect(cache.get('c')).toEqual({ n: 'cccc' });
    expect(cache.size).toBe(2);
  });

  it('parses but does not keep an IR larger than the budget', () => {
    const cache = new IrCache(30);
    expect(cache.add('big', JSON.stringify({ n: 'x'.repeat(40) }))).toEqual({ n: 'x'.repeat(40) });
    expect(cache.get('big')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('counts a key added twice once', () => {
    // given the same version added twice (two concurrent misses)
    const cache = new IrCache(30);
    cache.add('a', '{"n":"aaaa"}');
    cache.add('a', '{"n":"aaaa"}');
    // when another arrives, then both fit
    cache.add('b', '{"n":"bbbb"}');
    expect([cache.get('a'), cache.get('b')]).toEqual([{ n: 'aaaa' }, { n: 'bbbb' }]);
  });

  it('freezes what it returns, deeply', () => {
    const ir = new IrCache().add('a', '{"elements":{"t":{"inputs":[1]}}}') as {
      elements: { t: { inputs: number[] } };
    };
    expect(Object.isFrozen(ir.elements.t.inputs)).toBe(true);
    expect(() => ir.elements.t.inputs.push(2)).toThrow(TypeError);
  });
});
