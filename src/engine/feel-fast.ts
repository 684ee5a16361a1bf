/**
 * A fast path for the FEEL expressions that dominate process models: a variable path
 * (`customer.id`), a literal, or one comparison/arithmetic between two of those on numbers
 * (`i + 1`, `i < 10000`, `status = "ok"`). feelin re-parses and rebuilds its interpreter for
 * every evaluation (its parse depends on the context's names), about 0.25 ms each, which a
 * 10,000-iteration loop cannot afford inside one workflow activation.
 *
 * The fast path answers only where its result is certainly feelin's own: plain JSON values,
 * names present in the context, no unusual characters in context names (FEEL names may hold
 * `-`, `+`, `/`, spaces…). Anything else returns `undefined` and feelin evaluates it.
 */
import type { Variables } from './types';

type Operand = { kind: 'literal'; value: unknown } | { kind: 'path'; path: string[] };
type Fast = { left: Operand; op?: string; right?: Operand };

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const OPERAND = `"[^"\\\\]*"|\\d+(?:\\.\\d+)?|${NAME}(?:\\.${NAME})*`;
const SINGLE = new RegExp(`^\\s*(${OPERAND})\\s*$`);
const BINARY = new RegExp(`^\\s*(${OPERAND})\\s*(<=|>=|!=|[+\\-*/<>=])\\s*(${OPERAND})\\s*$`);
const KEYWORDS = new Set([
  'not',
  'and',
  'or',
  'if',
  'then',
  'else',
  'for',
  'in',
  'return',
  'some',
  'every',
  'satisfies',
  'between',
  'instance',
  'of',
  'function',
  'external',
]);
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

const cache = new Map<string, Fast | null>();
const CACHE_LIMIT = 2000;

function operand(text: string): Operand | null {
  if (text.startsWith('"')) return { kind: 'literal', value: text.slice(1, -1) };
  if (/^\d/.test(text)) return { kind: 'literal', value: Number(text) };
  if (text === 'true' || text === 'false') return { kind: 'literal', value: text === 'true' };
  if (text === 'null') return { kind: 'literal', value: null };
  const path = text.split('.');
  if (path.some((p) => KEYWORDS.has(p) || p === 'true' || p === 'false' || p === 'null'))
    return null;
  return { kind: 'path', path };
}

function compile(source: string): Fast | null {
  const single = SINGLE.exec(source);
  if (single) {
    const left = operand(single[1]);
    return left ? { left } : null;
  }
  const bin = BINARY.exec(source);
  if (!bin) return null;
  const left = operand(bin[1]);
  const right = operand(bin[3]);
  return left && right ? { left, op: bin[2], right } : null;
}

const MISS = Symbol('miss');

function resolve(o: Operand, context: Variables): unknown {
  if (o.kind === 'literal') return o.value;
  if (!Object.prototype.hasOwnProperty.call(context, o.path[0])) return MISS;
  let v: unknown = context[o.path[0]];
  for (let i = 1; i < o.path.length; i++) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return MISS;
    const rec = v as Variables;
    if (Object.getPrototypeOf(rec) !== Object.prototype) return MISS;
    if (!Object.prototype.hasOwnProperty.call(rec, o.path[i])) return MISS;
    v = rec[o.path[i]];
  }
  return isPlainJson(v) ? v : MISS;
}

function isPlainJson(v: unknown): boolean {
  if (v === null) return true;
  const t = typeof v;
  if (t === 'string' || t === 'boolean') return true;
  if (t === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(isPlainJson);
  if (t === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.values(v as Variables).every(isPlainJson);
  }
  return false;
}

/** The value feelin would give, or `undefined` when the fast path does not apply. */
export function tryFastFeel(source: string, context: Variables): { value: unknown } | undefined {
  let fast = cache.get(source);
  if (fast === undefined) {
    fast = compile(source);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(source, fast);
  }
  if (!fast) return undefined;
  for (const key in context) if (!PLAIN_KEY.test(key)) return undefined;
  const a = resolve(fast.left, context);
  if (a === MISS) return undefined;
  if (!fast.op || !fast.right) return { value: a };
  const b = resolve(fast.right, context);
  if (b === MISS) return undefined;
  if (typeof a === 'number' && typeof b === 'number') {
    switch (fast.op) {
      case '+':
        return { value: a + b };
      case '-':
        return { value: a - b };
      case '*':
        return { value: a * b };
      case '/':
        return b === 0 ? undefined : { value: a / b };
      case '<':
        return { value: a < b };
      case '<=':
        return { value: a <= b };
      case '>':
        return { value: a > b };
      case '>=':
        return { value: a >= b };
      case '=':
        return { value: a === b };
      case '!=':
        return { value: a !== b };
    }
  }
  const simple = (v: unknown) => typeof v === 'string' || typeof v === 'boolean';
  if (simple(a) && simple(b) && typeof a === typeof b) {
    if (fast.op === '=') return { value: a === b };
    if (fast.op === '!=') return { value: a !== b };
  }
  return undefined;
}
