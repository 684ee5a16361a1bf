/**
 * Checking start variables against the inputs an integration declares: every required input
 * present (not null), every given one of its declared type. Pure (used by the API for a 400
 * and by the workflow when a BPMN task starts it). Problems are data, all at once.
 */
import type { InputType, IntegrationInputDecl } from './ir';

export interface InputProblem {
  path: string;
  message: string;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function matches(type: InputType, v: unknown): boolean {
  switch (type) {
    case 'any':
      return true;
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'object':
      return typeOf(v) === 'object';
    default:
      return typeOf(v) === type;
  }
}

/** Every missing or mistyped input, named `variables.<input>`. */
export function checkInputs(
  decls: Record<string, IntegrationInputDecl>,
  variables: Record<string, unknown>,
): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const [name, decl] of Object.entries(decls)) {
    const v = variables[name];
    if (v === undefined || v === null) {
      if (decl.required)
        problems.push({ path: `variables.${name}`, message: 'required input is missing' });
      continue;
    }
    if (!matches(decl.type, v))
      problems.push({
        path: `variables.${name}`,
        message: `expected ${decl.type}, got ${typeOf(v)}`,
      });
  }
  return problems;
}

/**
 * Reads declared inputs from text (task headers are strings): numbers, booleans and JSON
 * objects/arrays are parsed when the input's type asks for them; anything else stays text.
 */
export function coerceInput(type: InputType, text: string): unknown {
  if (type === 'number' || type === 'integer') {
    const n = Number(text);
    return text.trim() !== '' && Number.isFinite(n) ? n : text;
  }
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  if (type === 'object' || type === 'array' || type === 'any') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
