/**
 * The start variables a version refuses, as 400s naming every offending field at once: the
 * mandatory start fields a BPMN start event declares, and the inputs an integration workflow
 * declares (present, of the declared type). `start-kinds.ts` picks the check per kind.
 */
import { checkInputs } from '../../model/integration/inputs';
import type { IntegrationIR } from '../../model/integration/ir';
import { HttpProblem } from '../problem';

/** A value at a dotted path (`customer.id`); undefined when any step is missing. */
function valueAt(variables: Record<string, unknown>, path: string): unknown {
  let current: unknown = variables;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** 400 naming every mandatory start field that is missing (absent, null or empty string). */
export function checkMandatory(
  mandatory: string[],
  variables: Record<string, unknown>,
  variablesPath = 'variables',
): void {
  const missing = mandatory.filter((name) => {
    const v = valueAt(variables, name);
    return v === undefined || v === null || v === '';
  });
  if (missing.length > 0) {
    throw new HttpProblem(
      400,
      `missing mandatory field${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}`,
      {
        type: 'missing-mandatory-fields',
        errors: missing.map((name) => ({
          path: `${variablesPath}.${name}`,
          message: 'mandatory field is missing',
        })),
      },
    );
  }
}

/** 400 naming every missing or mistyped input an integration workflow declares. */
export function checkIntegrationInputs(
  ir: IntegrationIR,
  variables: Record<string, unknown>,
): void {
  const problems = checkInputs(ir.inputs, variables);
  if (problems.length > 0) {
    throw new HttpProblem(
      400,
      `invalid input${problems.length === 1 ? '' : 's'}: ${problems.map((p) => p.path.replace(/^variables\./, '')).join(', ')}`,
      { type: 'invalid-inputs', errors: problems },
    );
  }
}
