/**
 * The compiler's limits (configurable: WAYMARK_MAX_MODEL_BYTES, WAYMARK_MAX_MODEL_ELEMENTS,
 * WAYMARK_MIN_TIMER_CYCLE_MS, WAYMARK_PAYLOAD_LIMIT): a model past them is refused at deploy
 * with the numbers, rather than blocking the API while it compiles or deploying an IR that
 * could never start, or a timer cycle that would flood the instance's history.
 */

export interface CompileLimits {
  /** Largest XML accepted, in bytes (UTF-8). */
  maxXmlBytes: number;
  /** Most flow elements (nodes and sequence flows, all scopes) one model may have. */
  maxElements: number;
  /** Largest IR (JSON bytes): it travels in every start input, so it must fit a payload. */
  maxIrBytes: number;
  /** Shortest interval a static timer cycle may repeat at, in ms. */
  minTimerCycleMs: number;
}

export const DEFAULT_COMPILE_LIMITS: CompileLimits = {
  maxXmlBytes: 1.5 * 1024 * 1024,
  maxElements: 10_000,
  // The payload budget (1.75 MiB) less 64 KiB left for the start variables at the least.
  maxIrBytes: 1.75 * 1024 * 1024 - 64 * 1024,
  minTimerCycleMs: 1000,
};
