/**
 * The API's view of the BPMN compiler: the function type the app is built with, and the
 * single place that imports the compiler module (`src/model/bpmn`). Tests inject their own
 * `compile` where they need a predictable one; `main.ts` gets the real one from `loadCompiler()`.
 */
import { compileBpmn } from '../model/bpmn';
import type { CompileResult } from '../model/bpmn/types';

export type { CompileResult, Problem } from '../model/bpmn/types';

/** The compiler's signature (`compileBpmn` in src/model/bpmn). */
export type CompileBpmn = (xml: string) => Promise<CompileResult>;

/** The real compiler (src/model/bpmn), checked against the signature the API expects. */
export const realCompile: CompileBpmn = compileBpmn;

/** Loads the real compiler (async so a lazily loaded compiler can replace it without API changes). */
export function loadCompiler(): Promise<CompileBpmn> {
  return Promise.resolve(realCompile);
}
