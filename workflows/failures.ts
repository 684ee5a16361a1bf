/**
 * Reading Temporal failures in the drivers: what actually went wrong (the innermost cause),
 * whether an activity or child failure is only its cancellation, and how a child failed.
 */
import { ActivityFailure, ChildWorkflowFailure } from '@temporalio/workflow';

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

/**
 * Why resolving or running a child failed (the resolve activity's or the child's failure), or
 * undefined when `err` is no such failure — its cancellation, a fault in workflow code — and
 * must propagate.
 */
export function childFailure(err: unknown): string | undefined {
  if (!(err instanceof ActivityFailure || err instanceof ChildWorkflowFailure)) return undefined;
  return isCancelledFailure(err) ? undefined : deepestMessage(err);
}
