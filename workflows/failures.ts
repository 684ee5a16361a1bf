/**
 * Reading Temporal failures in the drivers: what actually went wrong (the innermost cause),
 * and whether an activity or child failure is only its cancellation.
 */

/** The innermost cause's message: what actually went wrong. */
export function deepestMessage(err: Error): string {
  let e: Error = err;
  while (e.cause instanceof Error) e = e.cause;
  return e.message;
}

/** An ActivityFailure / ChildWorkflowFailure that only reports its cancellation. */
export function isCancelledFailure(err: Error): boolean {
  return (err.cause as Error | undefined)?.name === 'CancelledFailure';
}
