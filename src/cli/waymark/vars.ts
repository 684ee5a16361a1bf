/**
 * `--var name=value` options → the variables object of a request. A value that parses as JSON
 * is taken as that JSON (`n=3`, `ok=true`, `o={"a":1}`); anything else is a string. A dotted
 * name (`customer.id=7`) builds nested objects. `--vars` takes a whole JSON object, or
 * `@file.json`, applied before the `--var` options.
 */
import fs from 'node:fs';
import { CliFailure, EXIT } from './exit-codes';

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/** Commander collector: `--var a=1 --var b=2` → ['a=1', 'b=2']. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function setPath(target: Record<string, unknown>, name: string, value: unknown, what: string) {
  const parts = name.split('.');
  if (parts.some((p) => p === '' || FORBIDDEN.has(p)))
    throw new CliFailure(`${what}${name}: not a usable variable name`, EXIT.usage);
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

function readObject(source: string): Record<string, unknown> {
  const text = source.startsWith('@') ? fs.readFileSync(source.slice(1), 'utf8') : source;
  const value = parseValue(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new CliFailure(`--vars must be a JSON object (or @file holding one)`, EXIT.usage);
  return value as Record<string, unknown>;
}

/**
 * Builds the variables object from `--vars` and the collected `--var` options (`what`: how
 * errors name a pair; `variables set` takes them as arguments).
 */
export function parseVariables(
  pairs: string[] = [],
  json?: string,
  what = '--var ',
): Record<string, unknown> {
  const vars = json !== undefined ? readObject(json) : {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliFailure(`${what}${pair}: expected name=value`, EXIT.usage);
    setPath(vars, pair.slice(0, eq), parseValue(pair.slice(eq + 1)), what);
  }
  return vars;
}
