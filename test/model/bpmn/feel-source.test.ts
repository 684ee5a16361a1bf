/** Compile-time FEEL helpers (src/model/bpmn/feel.ts). */
import {
  feelSyntaxError,
  readSource,
  staticToFeel,
  toFeel,
} from '../../../src/model/bpmn/feel-source';

describe('FEEL helpers', () => {
  it('splits =expressions from static values', () => {
    expect(readSource('= a + 1')).toEqual({ isFeel: true, text: 'a + 1' });
    expect(readSource('hello')).toEqual({ isFeel: false, text: 'hello' });
  });

  it('turns static values into equivalent FEEL literals', () => {
    expect(staticToFeel('42')).toBe('42');
    expect(staticToFeel('-1.5')).toBe('-1.5');
    expect(staticToFeel('false')).toBe('false');
    expect(staticToFeel('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
    expect(toFeel('=x')).toBe('x');
  });

  it('reports syntax errors, accepts valid expressions', () => {
    expect(feelSyntaxError('baseUrl + "/orders/" + string(orderId)')).toBeUndefined();
    expect(feelSyntaxError('date and time(dueAt)')).toBeUndefined();
    expect(feelSyntaxError('a >')).toMatch(/syntax error at offset 3/);
    expect(feelSyntaxError('{a: 1')).toMatch(/syntax error/);
    expect(feelSyntaxError('  ')).toBe('is empty');
  });
});
