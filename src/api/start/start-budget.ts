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
import { HISTORY_GUARD, type RunLimits } from '../../../workflows/lifecycle';

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

/**
 * `{limits}` with what differs from the defaults the workflows assume: the payload budget
 * (`payloads`: BPMN instances only), when to continue as new, the history guard. Nothing when
 * everything is the default, so the inputs stay as they were.
 */
export function runLimits(config: Config, payloads = true): { limits?: RunLimitsInput } {
  const limit = config.WAYMARK_PAYLOAD_LIMIT;
  const limits: RunLimitsInput = {
    ...(payloads && limit !== DEFAULT_PAYLOAD_LIMIT ? { payloadBytes: limit } : {}),
    ...(config.WAYMARK_CONTINUE_AS_NEW_EVENTS !== undefined
      ? { historyEvents: config.WAYMARK_CONTINUE_AS_NEW_EVENTS }
      : {}),
    ...(config.WAYMARK_HISTORY_GUARD_EVENTS !== HISTORY_GUARD.events
      ? { guardEvents: config.WAYMARK_HISTORY_GUARD_EVENTS }
      : {}),
  };
  return Object.keys(limits).length > 0 ? { limits } : {};
}

type RunLimitsInput = RunLimits & { payloadBytes?: number };
