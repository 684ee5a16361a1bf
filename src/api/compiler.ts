/**
 * The API's view of the BPMN compiler: the function type the app is built with, and the
 * single place that imports the compiler module (`src/model/bpmn`). Tests inject their own
 * `compile` where they need a predictable one; `main.ts` gets the real one from `loadCompiler()`,
 * which compiles in a worker thread (compile-thread.ts) with the configured limits.
 */
import type { Config } from '../config';
import { compileBpmn, DEFAULT_COMPILE_LIMITS, type CompileLimits } from '../model/bpmn';
import type { CompileResult } from '../model/bpmn/types';
import { CompileThread } from './compile-thread';

export type { CompileResult, Problem } from '../model/bpmn/types';

/** The compiler's signature (`compileBpmn` in src/model/bpmn). */
export type CompileBpmn = (xml: string) => Promise<CompileResult>;

/** The real compiler (src/model/bpmn), in process, checked against the signature the API expects. */
export const realCompile: CompileBpmn = (xml) => compileBpmn(xml);

/** The compile limits the configuration sets. */
export function compileLimits(config: Config): CompileLimits {
  return {
    maxXmlBytes: config.WAYMARK_MAX_MODEL_BYTES,
    maxElements: config.WAYMARK_MAX_MODEL_ELEMENTS,
    minTimerCycleMs: config.WAYMARK_MIN_TIMER_CYCLE_MS,
    maxIrBytes: config.WAYMARK_PAYLOAD_LIMIT - 64 * 1024,
  };
}

/** The real compiler in a worker thread, with the limits of `config` (defaults without one). */
export function loadCompiler(config?: Config): Promise<CompileBpmn & { close(): Promise<void> }> {
  const thread = new CompileThread(config ? compileLimits(config) : DEFAULT_COMPILE_LIMITS);
  const compile = (xml: string) => thread.compile(xml);
  return Promise.resolve(Object.assign(compile, { close: () => thread.close() }));
}
