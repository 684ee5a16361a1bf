/**
 * Random mutations of BPMN XML for the compiler fuzzer. A mutation is plain data (so fast-check
 * can shrink and print it); `mutate` applies it to a document. Indexes pick among the matches
 * in the document modulo their count, so any number fits any fixture.
 */
import fc from 'fast-check';

export type Mutation =
  | { op: 'dropAttr' | 'dupAttr' | 'dupLine' | 'dropLine'; at: number }
  | { op: 'setAttr' | 'feel' | 'insert'; at: number; text: string }
  | { op: 'truncate'; frac: number }
  | { op: 'swapIds'; a: number; b: number }
  | { op: 'nest'; depth: number; element: 'subProcess' | 'unknown' };

const ATTR = /\s[\w:.-]+="[^"]*"/g;
const ID = /\sid="([^"]+)"/g;
/** FEEL places: attribute values starting with `=`, and condition/expression element bodies. */
const FEEL =
  /="=[^"]*"|(<bpmn:(?:conditionExpression|timeDuration|timeCycle|timeDate|completionCondition|loopCardinality)[^>]*>)([^<]*)</g;

const FEEL_TOKENS = [
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  '.',
  '..',
  '"',
  ':',
  '=',
  '!=',
  '<',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '**',
  ' ',
  'if',
  'then',
  'else',
  'for',
  'in',
  'return',
  'some',
  'satisfies',
  'and',
  'or',
  'not',
  'null',
  'true',
  'function',
  'x',
  'a.b',
  '1',
  '1e999',
  '-0',
  '@"2024-01-01"',
  'date and time',
  'now()',
  'sum',
  '?',
  '\\',
  '&',
  '\u0000',
  '\ud83d\ude00',
];

const feelText = fc.oneof(
  fc.array(fc.constantFrom(...FEEL_TOKENS), { maxLength: 30 }).map((xs) => xs.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('('.repeat(2000), '['.repeat(2000) + ']'.repeat(2000), '1+'.repeat(3000) + '1'),
);

const anyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('<', '>', '&', '"', ']]>', '<![CDATA[', '<!DOCTYPE x [<!ENTITY a "b">]>', '&a;'),
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constantFrom('dropAttr', 'dupAttr', 'dupLine', 'dropLine' as const),
    at: fc.nat(),
  }),
  fc.record({ op: fc.constant('setAttr' as const), at: fc.nat(), text: anyText }),
  fc.record({ op: fc.constant('feel' as const), at: fc.nat(), text: feelText }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: anyText }),
  fc.record({
    op: fc.constant('truncate' as const),
    frac: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({ op: fc.constant('swapIds' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    op: fc.constant('nest' as const),
    depth: fc.integer({ min: 1, max: 400 }),
    element: fc.constantFrom('subProcess', 'unknown' as const),
  }),
);

/** XML-escapes text for an attribute value or element body. */
export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function nth(xml: string, re: RegExp, at: number): RegExpExecArray | undefined {
  const all = [...xml.matchAll(re)];
  return all.length ? (all[at % all.length] as RegExpExecArray) : undefined;
}

function splice(xml: string, m: RegExpExecArray, replacement: string): string {
  return xml.slice(0, m.index) + replacement + xml.slice(m.index + m[0].length);
}

function lines(xml: string, at: number, f: (line: string) => string[]): string {
  const ls = xml.split('\n');
  const i = at % ls.length;
  return [...ls.slice(0, i), ...f(ls[i]), ...ls.slice(i + 1)].join('\n');
}

function swapIds(xml: string, a: number, b: number): string {
  const ids = [...new Set([...xml.matchAll(ID)].map((m) => m[1]))];
  if (ids.length < 2) return xml;
  const x = ids[a % ids.length];
  const y = ids[b % ids.length];
  const hold = '\u0001swap\u0001';
  return xml.split(x).join(hold).split(y).join(x).split(hold).join(y);
}

function nest(xml: string, depth: number, element: 'subProcess' | 'unknown'): string {
  const at = xml.search(/<bpmn:process[^>]*>/);
  if (at < 0) return xml;
  const end = xml.indexOf('>', at) + 1;
  const open = (i: number): string =>
    element === 'subProcess' ? `<bpmn:subProcess id="Deep_${i}">` : `<foo:x xmlns:foo="urn:x">`;
  const close = element === 'subProcess' ? '</bpmn:subProcess>' : '</foo:x>';
  const chain = Array.from({ length: depth }, (_, i) => open(i)).join('') + close.repeat(depth);
  return xml.slice(0, end) + chain + xml.slice(end);
}

export function mutate(xml: string, m: Mutation): string {
  switch (m.op) {
    case 'dropAttr':
    case 'dupAttr': {
      const hit = nth(xml, ATTR, m.at);
      if (!hit) return xml;
      return splice(xml, hit, m.op === 'dropAttr' ? '' : hit[0] + hit[0]);
    }
    case 'setAttr': {
      const hit = nth(xml, ATTR, m.at);
      if (!hit) return xml;
      const name = hit[0].slice(0, hit[0].indexOf('='));
      return splice(xml, hit, `${name}="${escapeXml(m.text)}"`);
    }
    case 'feel': {
      const hit = nth(xml, FEEL, m.at);
      if (!hit) return xml;
      const text = escapeXml(m.text);
      return splice(xml, hit, hit[1] !== undefined ? `${hit[1]}${text}<` : `="=${text}"`);
    }
    case 'insert': {
      const i = m.at % (xml.length + 1);
      return xml.slice(0, i) + m.text + xml.slice(i);
    }
    case 'truncate':
      return xml.slice(0, Math.floor(m.frac * xml.length));
    case 'swapIds':
      return swapIds(xml, m.a, m.b);
    case 'nest':
      return nest(xml, m.depth, m.element);
    case 'dupLine':
      return lines(xml, m.at, (l) => [l, l]);
    case 'dropLine':
      return lines(xml, m.at, () => []);
  }
}
