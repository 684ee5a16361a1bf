/**
 * The operator console's files (`GET /console/…`): the single-page app in `src/console/` and
 * the bpmn.io libraries it uses, served straight from their npm packages (bpmn-js's navigated
 * viewer, form-js's viewer) — no build step, no CDN, so it works offline. Static assets carry
 * no data and need no key; every API call the page makes is authenticated like any other.
 */
import path from 'node:path';
import express from 'express';
import type { RequestHandler } from 'express';

/** The folder holding a package's file (resolved through node's module lookup). */
function packageDir(name: string, sub: string): string {
  return path.join(path.dirname(require.resolve(`${name}/package.json`)), sub);
}

const appDir = path.resolve(__dirname, '..', 'console');

/** One middleware for everything under `/console`: vendor prefixes first, then the app. */
export function consoleAssets(): RequestHandler {
  const options = { fallthrough: false, index: 'index.html', maxAge: '1h' } as const;
  const vendors: [string, RequestHandler][] = [
    ['/vendor/bpmn-js/', express.static(packageDir('bpmn-js', 'dist'), options)],
    ['/vendor/form-js/', express.static(packageDir('@bpmn-io/form-js', 'dist'), options)],
  ];
  const app = express.static(appDir, options);
  return (req, res, next) => {
    // Relative asset URLs in the page need the trailing slash.
    if (req.originalUrl.split('?')[0] === '/console') return res.redirect(301, '/console/');
    for (const [prefix, serve] of vendors) {
      if (!req.url.startsWith(prefix)) continue;
      req.url = req.url.slice(prefix.length - 1);
      return serve(req, res, next);
    }
    return app(req, res, next);
  };
}
