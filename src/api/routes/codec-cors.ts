/**
 * CORS for the codec endpoint, so the Temporal Web UI (another origin) can call it from the
 * operator's browser: an allowed origin gets the CORS headers on every `/codec/` answer
 * (a 401 included, so the UI can show it), and its preflight `OPTIONS` is answered here,
 * before authentication — a preflight never carries credentials. The UI sends `X-Namespace`,
 * `Content-Type` and, when configured to pass the user's token, `Authorization`.
 */
import type { RequestHandler } from 'express';
import type { Config } from '../../config';

const ALLOWED_HEADERS = 'Authorization, Content-Type, X-Namespace';

export function codecCors(config: Pick<Config, 'codecCorsOrigins'>): RequestHandler {
  const origins = new Set(config.codecCorsOrigins);
  return (req, res, next) => {
    if (!req.path.startsWith('/codec/')) {
      next();
      return;
    }
    res.vary('Origin');
    const origin = req.headers.origin;
    const allowed = origin !== undefined && origins.has(origin);
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    if (req.method !== 'OPTIONS') {
      next();
      return;
    }
    if (allowed) {
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
    }
    res.status(204).end();
  };
}
