/**
 * Names no variable, mapping target or variable key may have: `__proto__`, `constructor`,
 * `prototype`. Writing them into a plain object reaches its prototype (`x['__proto__'] = v`
 * replaces it) instead of creating a variable. The BPMN compiler refuses them as mapping
 * targets and result variables (rule `variable-name-safe`), the engine refuses them at run time
 * (an incident), the API refuses variables that contain them (400). Pure: used by the engine.
 */

/** The forbidden names. */
export const UNSAFE_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** The first forbidden segment of a dotted path (`a.__proto__.b` → `__proto__`), if any. */
export function unsafeSegment(path: string): string | undefined {
  return path.split('.').find((segment) => UNSAFE_NAMES.includes(segment.trim()));
}

/**
 * The path (`a.b`) of the first forbidden key in a JSON value, walking objects and arrays, if
 * any; `limit` bounds the keys visited.
 */
export function unsafeKeyPath(
  value: unknown,
  at = '',
  limit = { left: 100_000 },
): string | undefined {
  if (value === null || typeof value !== 'object' || limit.left <= 0) return undefined;
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value);
  for (const [key, child] of entries) {
    limit.left--;
    const here = at ? `${at}.${key}` : key;
    if (!Array.isArray(value) && UNSAFE_NAMES.includes(key)) return here;
    const deeper = unsafeKeyPath(child, here, limit);
    if (deeper !== undefined) return deeper;
  }
  return undefined;
}
