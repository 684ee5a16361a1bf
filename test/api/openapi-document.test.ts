/**
 * The OpenAPI document against the app it describes: the routes come from the app's own
 * router stack (Express 5 / router 2), so a route added without documentation — or
 * documentation left behind by a removed route — fails here.
 */
import { startTestApi } from './support';
import type { Json, TestApi } from './support';

/** What a router layer exposes (router 2.x; not part of Express's public types). */
interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/**
 * Mounts whose handlers are not routers, so they have no routes to list. Each one is left
 * out of the document on purpose.
 */
const opaqueMounts = new Set([
  // Swagger UI's HTML, JS and CSS (swagger-ui-express): static assets, not operations.
  '/docs',
  // The operator console's page and the bpmn.io libraries it loads (src/api/console.ts).
  '/console',
]);

/**
 * Routes the document describes as several paths. The callback route takes its outcome as a
 * parameter, but each outcome has its own body, so the document lists them apart.
 */
const documentedAs: Record<string, string[]> = {
  '/callbacks/{token}/{outcome}': ['/callbacks/{token}/success', '/callbacks/{token}/error'],
};

const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** `/instances/:id` → `/instances/{id}`; anything fancier has no OpenAPI spelling. */
function toOpenApiPath(path: string): string {
  if (/[*{}()?]/.test(path)) throw new Error(`route path ${path} has no OpenAPI equivalent`);
  return path.replace(/:(\w+)/g, '{$1}');
}

/** Every `METHOD path` the router stack answers, mounts included; opaque mounts apart. */
function routesOf(stack: Layer[], prefix = ''): { routes: string[]; opaque: string[] } {
  const routes: string[] = [];
  const opaque: string[] = [];
  for (const layer of stack) {
    if (layer.route) {
      const { path, methods } = layer.route;
      if (typeof path !== 'string') throw new Error(`route path ${String(path)} is not a string`);
      for (const method of Object.keys(methods)) {
        if (method === '_all') throw new Error(`${path}: app.all() cannot be documented`);
        routes.push(`${method.toUpperCase()} ${toOpenApiPath(prefix + path)}`);
      }
      continue;
    }
    if (typeof layer.rawPath !== 'string')
      throw new Error(`mount path ${String(layer.rawPath)} is not a string`);
    const mount = layer.rawPath === '/' ? prefix : prefix + layer.rawPath;
    if (layer.handle.stack) {
      const inner = routesOf(layer.handle.stack, mount);
      routes.push(...inner.routes);
      opaque.push(...inner.opaque);
    } else if (mount !== prefix) opaque.push(mount);
  }
  return { routes, opaque };
}

function documentedOperations(doc: Json): string[] {
  return Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    Object.keys(item as Json)
      .filter((key) => httpMethods.includes(key))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

const sorted = (list: string[]) => [...new Set(list)].sort();

describe('the OpenAPI document', () => {
  let api: TestApi;
  let doc: Json;
  let routes: string[];
  beforeAll(async () => {
    api = await startTestApi({ env: { WAYMARK_API_KEYS: 'openapi-test-key' }, timeoutMs: 300 });
    doc = (await (await fetch(`${api.url}/openapi.json`)).json()) as Json;
    const found = routesOf((api.app.router as unknown as { stack: Layer[] }).stack);
    routes = found.routes;
    expect(sorted(found.opaque)).toEqual(sorted([...opaqueMounts]));
  });
  afterAll(async () => {
    await api.close();
  });

  it('finds the routes of the app (the stack walk works)', () => {
    // Given the app's router stack, then a route from each kind of mount is listed.
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /metrics',
        'POST /webhook/send',
        'GET /definitions/{idOrKey}',
        'POST /callbacks/{token}/{outcome}',
      ]),
    );
    expect(routes.length).toBeGreaterThan(30);
  });

  it('describes every route with its method, and nothing else', () => {
    const expected = routes.flatMap((route) => {
      const [method, path] = route.split(' ');
      return (documentedAs[path] ?? [path]).map((p) => `${method} ${p}`);
    });
    expect(sorted(documentedOperations(doc))).toEqual(sorted(expected));
  });

  it('declares each path parameter, and only those', () => {
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const method of Object.keys(item).filter((k) => httpMethods.includes(k))) {
        const declared = [...(item.parameters ?? []), ...(item[method].parameters ?? [])]
          .filter((p: Json) => p.in === 'path')
          .map((p: Json) => p.name as string)
          .sort();
        expect({ operation: `${method} ${path}`, params: declared }).toEqual({
          operation: `${method} ${path}`,
          params: inPath,
        });
      }
    }
  });

  it('gives every operation a summary, and problem+json for every error', () => {
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      for (const method of Object.keys(item).filter((k) => httpMethods.includes(k))) {
        const op = item[method] as Json;
        expect({ at: `${method} ${path}`, summary: typeof op.summary }).toEqual({
          at: `${method} ${path}`,
          summary: 'string',
        });
        for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) {
          if (Number(status) < 400) continue;
          expect({
            at: `${method} ${path} ${status}`,
            types: Object.keys(response.content),
          }).toEqual({ at: `${method} ${path} ${status}`, types: ['application/problem+json'] });
        }
      }
    }
  });

  it('marks as open exactly the operations that need no API key', async () => {
    // Given API keys, when each operation is called without one (path parameters `x`),
    // then the API-key realm answers 401 to those documented with the default security.
    for (const operation of documentedOperations(doc)) {
      const [method, path] = operation.split(' ');
      const op = (doc.paths as Record<string, Json>)[path][method.toLowerCase()] as Json;
      const needsKey = op.security === undefined;
      const res = await fetch(`${api.url}${path.replace(/\{\w+\}/g, 'x')}`, { method });
      await res.body?.cancel();
      const apiKeyRealm = res.headers.get('www-authenticate') === 'Bearer realm="waymark"';
      expect({ operation, needsKey: apiKeyRealm && res.status === 401 }).toEqual({
        operation,
        needsKey,
      });
    }
  });
});
