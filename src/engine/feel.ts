/**
 * FEEL evaluation for the engine (and for activities outside the sandbox): `evaluateFeel`
 * for Camunda 8 `=expr` expressions and `renderTemplate` for `${expr}` placeholders inside
 * strings. Errors are data (`{ ok: false, error }`), never exceptions, and results are
 * converted to plain JSON (FEEL dates, times and durations become ISO strings) so they can
 * be stored in variables and survive continue-as-new.
 *
 * Determinism: FEEL's `now()` and `today()` would read the clock, so they are shadowed by
 * functions answering the caller-supplied `now` (UTC). feelin parses against the variable
 * names of the context (FEEL names may contain spaces) and `evaluate` takes source text, so
 * parse trees cannot be cached across contexts; the common simple forms take a cached fast
 * path instead (`feel-fast.ts`), and template splitting is cached.
 */
import { FeelFunction, dateAndTime, evaluate, date as feelDate } from 'feelin';
import { tryFastFeel } from './feel-fast';
import type { EpochMs, Variables } from './types';

export type FeelResult<T = unknown> =
  { ok: true; value: T; warnings: string[] } | { ok: false; error: string };

export interface FeelOptions {
  /** Epoch ms answered by FEEL `now()` / `today()`; without it they return null. */
  now?: EpochMs;
}

/** The root name that aliases all visible variables (integration-workflow templates). */
export const INSTANCE_DATA_ALIAS = 'processInstanceData';

/**
 * Evaluates a FEEL expression (a leading `=` is tolerated) over `variables`.
 * The value is plain JSON: FEEL temporal values become their ISO-8601 strings.
 */
export function evaluateFeel(
  expression: string,
  variables: Variables,
  options: FeelOptions = {},
): FeelResult {
  const raw = evaluateFeelRaw(expression, variables, options);
  return raw.ok ? { ok: true, value: toJson(raw.value), warnings: raw.warnings } : raw;
}

/** Like {@link evaluateFeel} but keeps feelin's own values (dates, durations) unconverted. */
export function evaluateFeelRaw(
  expression: string,
  variables: Variables,
  options: FeelOptions = {},
): FeelResult {
  const source = expression.trim().startsWith('=') ? expression.trim().slice(1) : expression;
  if (source.trim() === '') return { ok: false, error: 'empty FEEL expression' };
  const fast = tryFastFeel(source, variables);
  if (fast) return { ok: true, value: fast.value, warnings: [] };
  try {
    const result = evaluate(source, buildContext(source, variables, options));
    return { ok: true, value: result.value, warnings: result.warnings.map((w) => w.message) };
  } catch (err) {
    return { ok: false, error: `FEEL error in '${source}': ${errorMessage(err)}` };
  }
}

/** A condition holds only when it evaluates to `true`; null and non-booleans do not hold. */
export function evaluateCondition(
  expression: string,
  variables: Variables,
  options: FeelOptions = {},
): FeelResult<boolean> {
  const r = evaluateFeelRaw(expression, variables, options);
  return r.ok ? { ok: true, value: r.value === true, warnings: r.warnings } : r;
}

type TemplatePart = { text: string } | { expr: string };
const templateCache = new Map<string, TemplatePart[] | string>();
const TEMPLATE_CACHE_LIMIT = 1000;

/**
 * Replaces every `${expr}` in `template` by the FEEL value of `expr` (strings as is, null
 * as the empty string, other values as JSON). `processInstanceData` aliases the variables.
 */
export function renderTemplate(
  template: string,
  variables: Variables,
  options: FeelOptions = {},
): FeelResult<string> {
  const parts = splitTemplate(template);
  if (typeof parts === 'string') return { ok: false, error: parts };
  let out = '';
  const warnings: string[] = [];
  for (const part of parts) {
    if ('text' in part) {
      out += part.text;
      continue;
    }
    const r = evaluateFeel(part.expr, variables, options);
    if (!r.ok) return r;
    warnings.push(...r.warnings);
    out += stringify(r.value);
  }
  return { ok: true, value: out, warnings };
}

/**
 * A template as a value: a template that is exactly one `${expr}` placeholder answers the FEEL
 * value of `expr` (its type kept: a number stays a number); any other template renders to a
 * string as `renderTemplate` does.
 */
export function evaluateTemplate(
  template: string,
  variables: Variables,
  options: FeelOptions = {},
): FeelResult {
  const parts = splitTemplate(template);
  if (typeof parts === 'string') return { ok: false, error: parts };
  const [only] = parts;
  if (parts.length === 1 && 'expr' in only) return evaluateFeel(only.expr, variables, options);
  return renderTemplate(template, variables, options);
}

function stringify(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Splits a template into text and `${…}` parts, honouring nested braces and FEEL strings. */
function splitTemplate(template: string): TemplatePart[] | string {
  const cached = templateCache.get(template);
  if (cached !== undefined) return cached;
  const parts: TemplatePart[] | string = parseTemplate(template);
  if (templateCache.size >= TEMPLATE_CACHE_LIMIT) templateCache.clear();
  templateCache.set(template, parts);
  return parts;
}

function parseTemplate(template: string): TemplatePart[] | string {
  const parts: TemplatePart[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    if (template[i] === '$' && template[i + 1] === '{') {
      let depth = 1;
      let j = i + 2;
      let inString = false;
      for (; j < template.length && depth > 0; j++) {
        const c = template[j];
        if (inString) {
          if (c === '\\') j++;
          else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (c === '{') depth++;
        else if (c === '}') depth--;
      }
      if (depth > 0) return `unterminated placeholder in template '${template}'`;
      if (text) parts.push({ text });
      text = '';
      parts.push({ expr: template.slice(i + 2, j - 1) });
      i = j;
    } else {
      text += template[i];
      i++;
    }
  }
  if (text) parts.push({ text });
  return parts;
}

function buildContext(source: string, variables: Variables, options: FeelOptions): Variables {
  let context = variables;
  const extra: Variables = {};
  if (source.includes(INSTANCE_DATA_ALIAS) && !(INSTANCE_DATA_ALIAS in variables)) {
    extra[INSTANCE_DATA_ALIAS] = variables;
  }
  if (options.now !== undefined && (source.includes('now') || source.includes('today'))) {
    const iso = new Date(options.now).toISOString();
    if (!('now' in variables)) extra.now = new FeelFunction(() => dateAndTime(iso), []);
    if (!('today' in variables))
      extra.today = new FeelFunction(() => feelDate(iso.slice(0, 10)), []);
  }
  if (Object.keys(extra).length > 0) context = { ...variables, ...extra };
  return context;
}

/** Converts a feelin value into plain JSON (ISO strings for temporal values). */
export function toJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const t = typeof value;
  if (t === 'string' || t === 'boolean') return value;
  if (t === 'number') return Number.isFinite(value) ? value : null;
  if (t !== 'object') return null;
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof FeelFunction) return null;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    // FEEL dates, times, date-times, durations, ranges: their string form is ISO / FEEL text.
    return String(value);
  }
  const out: Variables = {};
  for (const [k, v] of Object.entries(value as Variables)) out[k] = toJson(v);
  return out;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
