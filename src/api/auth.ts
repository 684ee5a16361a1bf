/**
 * API-key authentication (Bearer) and the bind-safety rule. Keys come from the config;
 * they are hashed once and compared hash-to-hash in constant time, so neither their length
 * nor their prefix leaks through timing. Keys and Authorization headers are never logged.
 * With no keys the API is open — which is only allowed on a loopback interface
 * (`assertSafeBind`).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Config } from '../config';
import { HttpProblem, sendProblem } from './problem';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Paths that need no API key: health checks, the API description, and callbacks (their
 * signed token is the credential, checked by the callbacks router).
 */
export function isOpenPath(path: string): boolean {
  return (
    path.startsWith('/health/') ||
    path.startsWith('/callbacks/') ||
    path === '/openapi.json' ||
    path === '/docs' ||
    path.startsWith('/docs/')
  );
}

/** Bearer auth over `config.apiKeys`; a no-op when none are configured. */
export function apiKeyAuth(config: Pick<Config, 'apiKeys'>): RequestHandler {
  const hashes = config.apiKeys.map(sha256);
  return (req, res, next) => {
    if (hashes.length === 0 || isOpenPath(req.path)) {
      next();
      return;
    }
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    const presented = match ? sha256(match[1].trim()) : undefined;
    let ok = false;
    if (presented) {
      // Compare against every key, no early exit.
      for (const h of hashes) ok = timingSafeEqual(h, presented) || ok;
    }
    if (ok) {
      // Whose Idempotency-Keys these are (src/api/start/idempotency.ts): a digest, not the key.
      res.locals.caller = `key:${(presented as Buffer).toString('hex').slice(0, 16)}`;
      next();
      return;
    }
    res.setHeader('WWW-Authenticate', 'Bearer realm="waymark"');
    sendProblem(
      res,
      new HttpProblem(401, 'missing or invalid API key (Authorization: Bearer <key>)', {
        type: 'unauthorized',
      }),
    );
  };
}

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1'
  );
}

/** Throws when the API would listen beyond loopback without any API key. */
export function assertSafeBind(config: Pick<Config, 'HOST' | 'apiKeys'>): void {
  if (config.apiKeys.length === 0 && !isLoopback(config.HOST)) {
    throw new Error(
      `Refusing to listen on HOST=${config.HOST} without API keys: set WAYMARK_API_KEYS or bind to 127.0.0.1`,
    );
  }
}
