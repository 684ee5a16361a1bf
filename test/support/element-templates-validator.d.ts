/** The part of @bpmn-io/element-templates-validator the tests use (it ships no types). */
declare module '@bpmn-io/element-templates-validator' {
  export interface ValidationResult {
    valid: boolean;
    object: unknown;
    errors?: { message: string; path?: (string | number)[] }[];
  }
  /** Validates one Camunda 8 (Zeebe) element template against its JSON Schema. */
  export function validateZeebe(template: unknown): ValidationResult;
}
