/**
 * Integration workflows (`kind: 'integration'`): the JSON source schema, the compiler to the
 * IR the interpreter workflow runs, and the start-input check.
 */
export {
  compileIntegration,
  type IntegrationCompileResult,
  type IntegrationProblem,
} from './compile';
export { checkInputs, coerceInput, type InputProblem } from './inputs';
export { integrationDefinitionSchema, integrationJsonSchema } from './schema';
export type * from './ir';
