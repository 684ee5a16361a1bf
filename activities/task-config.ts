/**
 * Checks of a task's own configuration (headers, inputs) shared by the task activities. A
 * misconfigured task fails at once, without retries, and becomes an incident naming the element.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { TaskInput } from './task-input';

/** The non-retryable failure for a misconfigured task. */
export function badConfig(input: TaskInput, message: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(`task ${input.elementId}: ${message}`, 'BadTaskConfig');
}

/** An absolute http(s) URL from `raw`, or a BadTaskConfig failure naming `what` was missing. */
export function httpUrl(input: TaskInput, raw: unknown, what: string): URL {
  if (typeof raw !== 'string' || !raw) throw badConfig(input, `${what} is required`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badConfig(input, `url is not absolute: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw badConfig(input, `url must be http(s): ${raw}`);
  return url;
}
