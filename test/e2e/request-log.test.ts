/**
 * The API's request log never holds a credential: a callback's path is its signed token (the
 * only credential a callback needs), and query strings and headers can carry others. Requests
 * go to the real stack; its log (the file the global setup writes) is read back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { apiUrl } from '../support/api';

const logFile = (): string => path.join(process.env.WAYMARK_TEST_DATA_DIR ?? '', 'stack.log');

/** Log lines (JSON) that satisfy `match`, waiting until at least one is written. */
async function linesWhere(match: (line: any) => boolean, timeoutMs = 10_000): Promise<any[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lines = fs
      .readFileSync(logFile(), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    const found = lines.filter(match);
    if (found.length > 0 || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the request log', () => {
  it('names the route of a rejected callback, never its token, query or headers', async () => {
    // given a forged callback token, a query-string secret and a bearer key, each unique
    const marker = `tok${Date.now()}x${Math.random().toString(36).slice(2)}`;
    const res = await fetch(`${apiUrl()}/callbacks/${marker}.1.sig/success?key=q${marker}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer h${marker}` },
      body: JSON.stringify({ data: {} }),
    });
    // when the API rejects it
    expect(res.status).toBe(401);
    const unknown = await fetch(`${apiUrl()}/no-such-route/${marker}?token=${marker}`);
    expect(unknown.status).toBe(404);
    // then the log has a line for each, with the route pattern and no credential anywhere
    const callbackLines = await linesWhere(
      (l) => l.msg === 'request' && l.route === '/callbacks/:token/:outcome' && l.status === 401,
    );
    expect(callbackLines.length).toBeGreaterThan(0);
    const unmatched = await linesWhere(
      (l) => l.msg === 'request' && l.route === 'unmatched' && l.status === 404,
    );
    expect(unmatched.length).toBeGreaterThan(0);
    expect(fs.readFileSync(logFile(), 'utf8')).not.toContain(marker);
  });
});
