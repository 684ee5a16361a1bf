/**
 * Ambient typings for `bpmn-moddle` 10: its package root ships no declarations (only the
 * generated schema types under `bpmn-moddle/types`). The compiler reads moddle objects
 * through the loose `ModdleElement` view in `./moddle-types`, so only the parser surface
 * is declared here.
 */
declare module 'bpmn-moddle' {
  export interface ModdleWarning {
    message: string;
    element?: { $type?: string; id?: string };
    property?: string;
    value?: unknown;
    error?: Error;
  }

  export interface ModdleParseResult {
    rootElement: unknown;
    references: unknown[];
    warnings: ModdleWarning[];
    elementsById: Record<string, unknown>;
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(
      xml: string,
      typeName?: string,
      options?: Record<string, unknown>,
    ): Promise<ModdleParseResult>;
  }
}
