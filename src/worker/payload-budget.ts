/**
 * The activity side of the payload budget (src/engine/payload-size.ts): an activity whose result
 * would exceed the budget fails at once, without retries, with a message naming the size and
 * the limit — a BPMN task then parks an incident saying so. Without it the worker's completion
 * is refused by Temporal (payload over 2 MiB) and the activity times out and retries, which
 * reads as a confusing timeout several minutes later.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { describeBytes, overBudget } from '../engine/payload-size';

/** The failure type of a result over the budget. */
export const PAYLOAD_TOO_LARGE = 'PayloadTooLarge';

/** Activity interceptors that refuse results over `limit` bytes of JSON. */
export function payloadBudgetInterceptors(limit: number): ActivityInterceptorsFactory {
  return (ctx) => ({
    inbound: {
      async execute(input, next) {
        const result = await next(input);
        const bytes = overBudget(result, limit);
        if (bytes === undefined) return result;
        throw ApplicationFailure.nonRetryable(
          `the result of ${ctx.info.activityType} is ${describeBytes(bytes)}, over the payload budget of ${describeBytes(limit)} (WAYMARK_PAYLOAD_LIMIT; Temporal refuses payloads over 2 MiB): map less into the result`,
          PAYLOAD_TOO_LARGE,
        );
      },
    },
  });
}
