/**
 * Error messages that leave an activity become incident messages, `incident.created` webhook
 * payloads and failure events in history; they must not carry credentials. `redactUrls` drops
 * the user info, query string and fragment of every URL in a text (`https://u:p@h/x?token=1`
 * → `https://h/x`); with the worker's secrets, every secret value is masked too.
 */
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import type { SecretStore } from './secrets';

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>`]+/gi;

/** `text` with every URL reduced to scheme, host, port and path. */
export function redactUrls(text: string): string {
  return text.replace(URL_IN_TEXT, (raw) => {
    try {
      const url = new URL(raw);
      return `${url.protocol}//${url.host}${url.pathname === '/' && !raw.endsWith('/') ? '' : url.pathname}`;
    } catch {
      return raw.replace(/\/\/[^/@\s]*@/, '//').replace(/[?#].*$/, '');
    }
  });
}

/** A message safe to store: URLs reduced, secret values masked. */
export function redactMessage(text: string, secrets?: SecretStore): string {
  const reduced = redactUrls(text);
  return secrets ? secrets.redact(reduced) : reduced;
}

/**
 * Runs an activity body and rethrows its failure with a redacted message (same type,
 * retryability and details; the original error, whose stack repeats the message, is not
 * attached). Cancellation passes through unchanged.
 */
export async function withRedactedFailures<T>(
  secrets: SecretStore | undefined,
  body: () => Promise<T>,
): Promise<T> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof CancelledFailure) throw err;
    const message = redactMessage(err instanceof Error ? err.message : String(err), secrets);
    if (err instanceof ApplicationFailure) {
      if (message === err.message) throw err;
      throw ApplicationFailure.create({
        message,
        type: err.type ?? undefined,
        nonRetryable: err.nonRetryable ?? undefined,
        details: err.details ? [...err.details] : undefined,
      });
    }
    throw ApplicationFailure.create({
      message,
      type: err instanceof Error ? err.name : 'Error',
      nonRetryable: false,
    });
  }
}
