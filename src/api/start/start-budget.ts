/**
 * The start side of the payload budget (src/engine/payload-size.ts): a workflow input (the
 * compiled model with the start variables) or a signal argument over WAYMARK_PAYLOAD_LIMIT is
 * refused with 413 naming the size and the limit, before Temporal sees it — Temporal would
 * refuse it with a gRPC INVALID_ARGUMENT the API could only answer as a 500. A BPMN instance
 * also learns a budget other than the default (`limits.payloadBytes`), so its driver checks
 * the payloads it makes against the same number.
 */
import { DEFAULT_PAYLOAD_LIMIT, overBudget } from '../../engine/payload-size';
import type { Config } from '../../config';
import { HttpProblem } from '../problem';

/** Throws 413 when `value` (what: "the start input") exceeds the budget. */
export function checkPayloadBudget(config: Config, what: string, value: unknown): void {
  const limit = config.WAYMARK_PAYLOAD_LIMIT;
  const size = overBudget(value, limit);
  if (size === undefined) return;
  throw new HttpProblem(
    413,
    `${what} is ${size} bytes, over the payload budget of ${limit} bytes (WAYMARK_PAYLOAD_LIMIT; Temporal refuses payloads over 2 MiB): send smaller variables`,
    { type: 'payload-too-large', size, limit },
  );
}

/** `{limits: {payloadBytes}}` when the budget is not the default one, else nothing. */
export function payloadLimits(config: Config): { limits?: { payloadBytes: number } } {
  const limit = config.WAYMARK_PAYLOAD_LIMIT;
  return limit === DEFAULT_PAYLOAD_LIMIT ? {} : { limits: { payloadBytes: limit } };
}
