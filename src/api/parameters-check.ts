/**
 * Checks a parameter set against the parameters a definition declares (ProcessIR.parameters,
 * from `zeebe:property name="param:<name>" value="<type>[!]"`): every required one present,
 * every value of its declared type, no undeclared names. A definition that declares none
 * accepts any parameters. Problems are returned all at once, one per field.
 */
import type { ParameterDecl } from '../model/bpmn/ir';
import type { ProblemItem } from './problem';

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function matches(decl: ParameterDecl, value: unknown): boolean {
  switch (decl.type) {
    case 'any':
      return true;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'object':
      return typeof value === 'object' && value !== null;
    default:
      return typeof value === decl.type;
  }
}

/** The problems of `parameters` against `decls` (empty: valid). */
export function checkParameters(
  decls: ParameterDecl[],
  parameters: Record<string, unknown>,
  prefix = 'body.parameters',
): ProblemItem[] {
  if (decls.length === 0) return [];
  const problems: ProblemItem[] = [];
  const byName = new Map(decls.map((d) => [d.name, d]));
  for (const decl of decls) {
    const value = parameters[decl.name];
    if (value === undefined) {
      if (decl.required)
        problems.push({ path: `${prefix}.${decl.name}`, message: 'required parameter is missing' });
    } else if (!matches(decl, value)) {
      problems.push({
        path: `${prefix}.${decl.name}`,
        message: `expected ${decl.type}, got ${typeOf(value)}`,
      });
    }
  }
  for (const name of Object.keys(parameters)) {
    if (!byName.has(name))
      problems.push({
        path: `${prefix}.${name}`,
        message: `the definition declares no parameter '${name}' (declared: ${decls.map((d) => d.name).join(', ')})`,
      });
  }
  return problems;
}
