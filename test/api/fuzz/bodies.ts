/**
 * Random request bodies for the API fuzzer, shaped by the OpenAPI document: arbitrary JSON,
 * the route's own object fields filled with values of the wrong type, huge strings (within the
 * body limit), deep nesting, and raw text that is not JSON at all.
 */
import fc from 'fast-check';
import type { Json } from '../support';

/** The body to send: JSON (stringified) or raw text sent as application/json. */
export type Body = { json: unknown } | { raw: string };

/** Resolves `$ref`s of the document's components (one level at a time). */
function resolve(doc: Json, schema: Json | undefined): Json | undefined {
  let s = schema;
  for (let i = 0; s?.$ref && i < 10; i++) {
    const parts = String(s.$ref).replace(/^#\//, '').split('/');
    s = parts.reduce<Json | undefined>((o, k) => o?.[k], doc);
  }
  return s;
}

/** The property names of a JSON request body schema (through allOf/oneOf/anyOf). */
export function fieldsOf(doc: Json, schema: Json | undefined, depth = 0): string[] {
  const s = resolve(doc, schema);
  if (!s || depth > 3) return [];
  const own = Object.keys(s.properties ?? {});
  const nested = [...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? [])].flatMap((x: Json) =>
    fieldsOf(doc, x, depth + 1),
  );
  return [...new Set([...own, ...nested])];
}

const HUGE = 1024 * 1024; // 1 MiB: under the default 1.5 MiB body limit

const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, true, -1, 0, 1e308, -0.5, '', ' ', '=', '=1+', '../x', '__proto__', [], {}),
  fc.constantFrom(JSON.parse('{"__proto__":{"polluted":1}}') as unknown, {
    constructor: { prototype: {} },
  }),
  fc.integer({ min: 1, max: HUGE }).map((n) => 'x'.repeat(n)),
);

const deep = fc
  .integer({ min: 100, max: 3000 })
  .chain((n) =>
    fc.constantFrom<Body>(
      { raw: '['.repeat(n) + ']'.repeat(n) },
      { raw: '{"a":'.repeat(n) + '1' + '}'.repeat(n) },
    ),
  );

const notJson = fc.oneof(
  fc.constantFrom('', '{', '[1,', 'nul', '{"a":1}{', '\u0000', '{"a":1,}', "{'a':1}", 'NaN'),
  fc.string({ maxLength: 40 }),
);

/**
 * Values that mostly fit `schema` (its type, enum, required properties), so bodies get past
 * the first checks; `bodyArb` then breaks one field of them.
 */
export function fittingArb(doc: Json, schema: Json | undefined, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  if (!s || depth > 3) return fc.jsonValue({ maxDepth: 1 });
  const alternatives = (s.oneOf ?? s.anyOf) as Json[] | undefined;
  if (alternatives?.length)
    return fc.oneof(...alternatives.map((x) => fittingArb(doc, x, depth + 1)));
  if (Array.isArray(s.enum) && s.enum.length) return fc.constantFrom(...(s.enum as unknown[]));
  const type = Array.isArray(s.type) ? (s.type as string[])[0] : (s.type as string | undefined);
  switch (type) {
    case 'string':
      return fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('fuzz-proc', '1', 'a'));
    case 'integer':
      return fc.integer({ min: -2, max: 100 });
    case 'number':
      return fc.double({ min: -10, max: 100, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(fittingArb(doc, s.items as Json, depth + 1), { maxLength: 3 });
    default: {
      const props = (s.properties ?? {}) as Record<string, Json>;
      const required = new Set((s.required ?? []) as string[]);
      const keys = Object.keys(props);
      if (keys.length === 0)
        return fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), {
          maxKeys: 3,
        });
      const model = Object.fromEntries(keys.map((k) => [k, fittingArb(doc, props[k], depth + 1)]));
      return fc.record(model, { requiredKeys: keys.filter((k) => required.has(k)) });
    }
  }
}

/** A fitting body with one field replaced by a wrong value, or none (then it may be valid). */
function brokenFitting(doc: Json, schema: Json | undefined): fc.Arbitrary<Body> {
  return fc
    .tuple(fittingArb(doc, schema), fc.nat(), wrongValue, fc.boolean())
    .map(([v, at, wrong, breakIt]): Body => {
      if (!breakIt || !v || typeof v !== 'object' || Array.isArray(v)) return { json: v };
      const keys = Object.keys(v);
      if (keys.length === 0) return { json: v };
      return { json: { ...v, [keys[at % keys.length]]: wrong } };
    });
}

export function bodyArb(fields: string[], doc?: Json, schema?: Json): fc.Arbitrary<Body> {
  const wrongFields =
    fields.length === 0
      ? fc.dictionary(fc.string({ maxLength: 8 }), wrongValue, { maxKeys: 4 })
      : fc.dictionary(fc.constantFrom(...fields), wrongValue, {
          minKeys: 1,
          maxKeys: fields.length,
        });
  return fc.oneof(
    ...(doc && schema ? [{ arbitrary: brokenFitting(doc, schema), weight: 5 }] : []),
    { arbitrary: wrongFields.map((json): Body => ({ json })), weight: 5 },
    { arbitrary: fc.jsonValue().map((json): Body => ({ json })), weight: 2 },
    {
      arbitrary: fc
        .anything({ maxDepth: 3 })
        .map((v): Body => ({ json: v === undefined ? null : v })),
      weight: 1,
    },
    { arbitrary: deep, weight: 1 },
    { arbitrary: notJson.map((raw): Body => ({ raw })), weight: 1 },
  );
}

export function encode(body: Body): string {
  if ('raw' in body) return body.raw;
  return (
    JSON.stringify(body.json, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ??
    'null'
  );
}
