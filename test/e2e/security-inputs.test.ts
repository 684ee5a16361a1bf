/**
 * Hostile input at the edges (issue 16, defect 15), on the real stack:
 * - mapping targets and result variables named `__proto__`, `constructor` or `prototype` are
 *   refused at deploy (rule `variable-name-safe`, every element listed), and variables with
 *   such keys at any depth are refused by the API (400 naming the path) — zod would otherwise
 *   drop an own `__proto__` key silently;
 * - `/webhook/send` and `/callbacks` check their credential before they read the body: a body
 *   over the limit with a bad token answers 401 (not 413), and a 4 MB one 401 as well.
 */
import http from 'node:http';
import { apiUrl, call, deployFixture, fixture, getInstance, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => {
  expect(await replay.replayAll()).toEqual([]);
}, 120_000);

/** POSTs `size` bytes of JSON; resolves with the status even if the server stops reading. */
function postLarge(path: string, size: number, headers: Record<string, string> = {}) {
  const url = new URL(path, apiUrl());
  const filler = 'x'.repeat(size);
  const body = Buffer.from(`{"payload":{"blob":"${filler}"}}`);
  return new Promise<{ status: number; body: any; ms: number }>((resolve, reject) => {
    const started = Date.now();
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': body.length, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'),
            ms: Date.now() - started,
          }),
        );
      },
    );
    req.on('error', (err) => {
      // The server may close the connection once it has answered: the answer came first.
      if (
        (err as NodeJS.ErrnoException).code !== 'EPIPE' &&
        (err as NodeJS.ErrnoException).code !== 'ECONNRESET'
      )
        reject(err);
    });
    req.end(body);
  });
}

test('reserved names as mapping targets and result variables are refused at deploy, each element named', async () => {
  const res = await call(
    'POST',
    '/definitions?deploy=true',
    fixture('invalid/variable-name-safe'),
    {
      'content-type': 'application/xml',
    },
  );
  expect(res.status).toBe(422);
  const mine = res.body.errors.filter((e: any) => /reserved name/.test(e.message));
  expect(mine.map((e: any) => e.elementId).sort()).toEqual([
    'Script_1',
    'Task_Input',
    'Task_Output',
  ]);
  expect(mine.find((e: any) => e.elementId === 'Task_Input').message).toContain('"__proto__"');
  expect((await call('GET', '/definitions/variable-name-safe')).status).toBe(404);
});

test('variables with a reserved key at any depth are refused with 400 naming the path', async () => {
  // given a deployed model
  await deployFixture('user-task');
  // when a start carries an own __proto__ key (raw JSON, as an attacker would send it)
  const raw = '{"variables":{"a":1,"__proto__":{"polluted":true}}}';
  const res = await call('POST', '/definitions/user-task/instances', raw, {
    'content-type': 'application/json',
  });
  // then it is refused, naming the key, and nothing starts
  expect(res.status).toBe(400);
  expect(res.body.errors).toEqual([expect.objectContaining({ path: 'body.variables.__proto__' })]);
  const nested = await call('POST', '/definitions/user-task/instances', {
    variables: { order: { items: [{ constructor: 'x' }] } },
  });
  expect(nested.status).toBe(400);
  expect(nested.body.errors[0].path).toBe('body.variables.order.items.0.constructor');
  // names that merely contain a reserved word are fine
  const fine = await call('POST', '/definitions/user-task/instances', {
    variables: { constructorName: 'x' },
  });
  expect(fine.status).toBe(201);
  replay.add(fine.body.instanceId, 'security-inputs-fine');
  expect((await getInstance(fine.body.instanceId)).variables).toEqual({ constructorName: 'x' });
  await call('POST', `/instances/${encodeURIComponent(fine.body.instanceId)}/cancel`);
  await waitFor(fine.body.instanceId);
});

test('/webhook/send checks the token before reading the body: over the limit with a bad token → 401, not 413', async () => {
  const over = await postLarge(
    '/webhook/send?uid=00000000-0000-0000-0000-000000000000',
    6 * 1024 * 1024,
    {
      authorization: 'not-a-token',
    },
  );
  expect(over.status).toBe(401);
  const fourMb = await postLarge('/webhook/send?uid=x', 4 * 1024 * 1024, { authorization: 'nope' });
  expect(fourMb.status).toBe(401);
  const none = await postLarge('/webhook/send?uid=x', 6 * 1024 * 1024);
  expect(none.status).toBe(401);
});

test('/callbacks checks the signature before reading the body: over the limit with a bad token → 401, not 413', async () => {
  const over = await postLarge('/callbacks/w2.forged.x.y.1.1.z/success', 6 * 1024 * 1024);
  expect(over.status).toBe(401);
  expect(over.body.type).toBe('urn:waymark:problem:invalid-callback-token');
  const fourMb = await postLarge('/callbacks/nonsense/error', 4 * 1024 * 1024);
  expect(fourMb.status).toBe(401);
});
