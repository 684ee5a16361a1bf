/**
 * The public result types of the BPMN compiler and the contract every validation rule
 * follows. Definition problems are data: each one names its rule and, where it can, the
 * element id and the position in the XML, and the compiler returns all of them at once.
 */
import type { ProcessIR } from './ir';
import type { CompileLimits } from './limits';
import type { ProcessModel } from './model';
import type { ModdleElement } from './moddle-types';

/** One definition problem (or warning): which rule, which element, what is wrong. */
export interface Problem {
  rule: string;
  elementId?: string;
  /** The executable process holding `elementId` (a file may hold several). */
  processId?: string;
  message: string;
  /** 1-based position in the XML, when known. */
  line?: number;
  column?: number;
}

/**
 * A compiled file: `processes` holds the IR of every executable process in document order
 * (one definition each); `ir` is the first of them, for callers that deploy one process.
 */
export type CompileResult =
  | { ok: true; ir: ProcessIR; processes?: ProcessIR[]; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

/** A reference attribute in the XML that names no element (`targetRef="Nope"`). */
export interface UnresolvedReference {
  elementId?: string;
  /** The referencing property, e.g. `bpmn:targetRef`. */
  property: string;
  /** The id that did not resolve. */
  ref: string;
}

/** What a rule sees: the parsed definitions, indexed per process. */
export interface RuleContext {
  definitions: ModdleElement;
  /**
   * The executable processes (`isExecutable="true"`), each deployed as a definition of its
   * own. Non-executable processes (pools drawn for documentation) are ignored, as in Camunda.
   */
  processes: ProcessModel[];
  unresolved: UnresolvedReference[];
  /** The configured compile limits (limits.ts); rules fall back to the defaults without them. */
  limits?: CompileLimits;
}

/** A validation rule, bpmnlint style: one per file, named by its id, never throws. */
export interface Rule {
  id: string;
  /** `error` blocks the compile; `warning` is reported next to the IR. */
  severity: 'error' | 'warning';
  description: string;
  check(ctx: RuleContext): Problem[];
}
