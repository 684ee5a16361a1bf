/**
 * What an `Idempotency-Key` covers: the key as the caller sent it (at most 255 characters),
 * the caller it belongs to, and a hash of the request it came with. Keys are scoped per
 * caller — an API key, a webhook environment, or `anonymous` on a keyless loopback API — so
 * one caller's key never answers with another caller's instance; a retry whose request
 * differs from the first answers 422 instead of silently returning the first instance.
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { HttpProblem } from '../problem';

export interface Idempotency {
  key: string;
  /** Whose key it is: `key:<hash prefix>`, `environment:<id>` or `anonymous`. */
  caller: string;
  /** sha256 of the request's canonical JSON. */
  requestHash: string;
}

/** The caller `apiKeyAuth` identified for this request, or `anonymous` on a keyless API. */
export function callerOf(res: Response): string {
  const caller: unknown = res.locals.caller;
  return typeof caller === 'string' ? caller : 'anonymous';
}

/** JSON with object keys sorted at every depth, so equal requests hash equal. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The request's `Idempotency-Key` for `caller`, or undefined when it sent none (400 if too long). */
export function idempotencyOf(
  req: Request,
  caller: string,
  request: unknown,
): Idempotency | undefined {
  const key = req.get('Idempotency-Key')?.trim() || undefined;
  if (key === undefined) return undefined;
  if (key.length > 255) throw new HttpProblem(400, 'Idempotency-Key is longer than 255 characters');
  const requestHash = createHash('sha256').update(canonicalJson(request)).digest('hex');
  return { key, caller, requestHash };
}

/** The answer to a key reused with another request (RFC draft "Idempotency-Key": 422). */
export function keyReused(key: string): HttpProblem {
  return new HttpProblem(
    422,
    `Idempotency-Key '${key}' was first used with a different request; use a new key for a new request`,
    {
      type: 'idempotency-key-reused',
      errors: [{ path: 'headers.idempotency-key', message: 'reused with a different request' }],
    },
  );
}
