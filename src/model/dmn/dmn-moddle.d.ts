/**
 * Ambient typings for `dmn-moddle` 12: the package ships no declarations. The compiler reads
 * moddle objects through the loose `DmnElement` view in `./moddle-types`, so only the parser
 * surface is declared here.
 */
declare module 'dmn-moddle' {
  export interface DmnModdleWarning {
    message: string;
    element?: { $type?: string; id?: string };
    property?: string;
  }

  export interface DmnModdleParseResult {
    rootElement: unknown;
    warnings: DmnModdleWarning[];
  }

  export class DmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<DmnModdleParseResult>;
  }
}
