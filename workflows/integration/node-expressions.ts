/**
 * Expressions in an integration workflow's nodes, over its variables: FEEL (`=expr` or a
 * mapping value) and `${…}` templates, evaluated with the engine's deterministic helpers at
 * workflow time. An expression that cannot be evaluated is a `NodeError` naming where it is,
 * which fails the workflow.
 */
import { evaluateFeel, renderTemplate } from '../../src/engine';
import type { Variables } from '../../src/engine/types';
import { now } from '../lifecycle';

/** A node failure: fails the workflow with this message. */
export class NodeError extends Error {}

/** Evaluates a node's expressions over `variables` (the live object: writes land in it). */
export class Expressions {
  constructor(private readonly variables: Variables) {}

  /** FEEL (`=expr` or a mapping value) over the variables plus `extra`. */
  feel(where: string, expression: string, extra: Variables = {}): unknown {
    return feelOver({ ...this.variables, ...extra }, where, expression);
  }

  /** A template string (`${…}`), or FEEL keeping its type when it starts with `=`. */
  value(where: string, text: string): unknown {
    if (text.trim().startsWith('=')) return this.feel(where, text);
    const r = renderTemplate(text, this.variables, { now: now() });
    if (!r.ok) throw new NodeError(`${where}: ${r.error}`);
    return r.value;
  }

  /** Every string inside `v` (arrays, objects) as `value`. */
  deep(where: string, v: unknown): unknown {
    if (typeof v === 'string') return this.value(where, v);
    if (Array.isArray(v)) return v.map((x, i) => this.deep(`${where}[${i}]`, x));
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [k, this.deep(`${where}.${k}`, x)]),
      );
    return v;
  }

  /** A record of templates as strings (non-string values as JSON). */
  strings(where: string, record?: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, t] of Object.entries(record ?? {})) {
      const v = this.value(`${where}.${k}`, t);
      out[k] = typeof v === 'string' ? v : JSON.stringify(v);
    }
    return out;
  }

  /** Writes each mapping's FEEL value (over the variables plus `extra`) at its target path. */
  assign(where: string, mapping: Record<string, string> | undefined, extra: Variables = {}): void {
    for (const [target, expression] of Object.entries(mapping ?? {}))
      setPath(this.variables, target, this.feel(`${where}.${target}`, expression, extra));
  }
}

/** FEEL over exactly `vars`. */
export function feelOver(vars: Variables, where: string, expression: string): unknown {
  const r = evaluateFeel(expression, vars, { now: now() });
  if (!r.ok) throw new NodeError(`${where}: ${r.error}`);
  return r.value;
}

/** Writes `value` at a dotted path (`customer.id`), creating objects on the way. */
export function setPath(target: Variables, path: string, value: unknown): void {
  const parts = path.split('.');
  let obj: Variables = target;
  for (const part of parts.slice(0, -1)) {
    const next = obj[part];
    if (!next || typeof next !== 'object' || Array.isArray(next)) obj[part] = {};
    obj = obj[part] as Variables;
  }
  obj[parts[parts.length - 1]!] = value;
}
