/**
 * The outbound address policy with real HTTP: servers in the test on loopback addresses, real
 * undici connections. A denied call fails before any byte reaches the server, names its rule
 * and is not retried; an allowed one goes through. Addresses outside loopback are only checked
 * as data (`denial`) or as IP literals refused before any connection is made.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApplicationFailure } from '@temporalio/common';
import { Outbound, OutboundPolicy, OUTBOUND_DENIED } from '../../activities/outbound';

let server: http.Server;
let port: number;
let hits = 0;

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

async function failureOf(call: Promise<unknown>): Promise<ApplicationFailure> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApplicationFailure);
  return err as ApplicationFailure;
}

describe('OutboundPolicy', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['fe80::1', 'link-local (cloud metadata)'],
    ['10.1.2.3', 'private'],
    ['172.20.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['fd00::1', 'private'],
    ['100.64.0.1', 'shared (CGNAT)'],
    ['224.0.0.1', 'multicast'],
    ['93.184.216.34', undefined],
    ['2606:4700::1111', undefined],
  ])('%s → %s', (address, rule) => {
    expect(new OutboundPolicy().denial(address)).toBe(rule);
  });

  it('lets an allowed address or range through, and only that', () => {
    const policy = OutboundPolicy.fromList('127.0.0.1, 10.0.0.0/8');
    expect(policy.denial('127.0.0.1')).toBeUndefined();
    expect(policy.denial('10.9.9.9')).toBeUndefined();
    expect(policy.denial('127.0.0.2')).toBe('loopback');
  });

  it('refuses an allow list entry that is not an IP or CIDR, naming the variable', () => {
    expect(() => OutboundPolicy.fromList('example.com')).toThrow(/WAYMARK_OUTBOUND_ALLOW/);
    expect(() => OutboundPolicy.fromList('10.0.0.0/33')).toThrow(/prefix/);
  });
});

describe('Outbound', () => {
  it('denies a loopback IP literal by default, before connecting, without retries', async () => {
    const before = hits;
    const failure = await failureOf(
      new Outbound(new OutboundPolicy()).request(`http://127.0.0.1:${port}/x`, { method: 'GET' }),
    );
    expect(failure.type).toBe(OUTBOUND_DENIED);
    expect(failure.nonRetryable).toBe(true);
    expect(failure.message).toContain('loopback');
    expect(hits).toBe(before);
  });

  it('denies a host name that resolves to a denied address (checked after DNS)', async () => {
    const before = hits;
    const failure = await failureOf(
      new Outbound(new OutboundPolicy()).fetch(`http://localhost:${port}/x`),
    );
    expect(failure.type).toBe(OUTBOUND_DENIED);
    expect(failure.message).toMatch(/localhost resolves to it.*loopback/);
    expect(hits).toBe(before);
  });

  it('denies the metadata address and non-http schemes before any connection', async () => {
    const outbound = new Outbound(new OutboundPolicy());
    expect(() => outbound.checkUrl('http://169.254.169.254/latest/meta-data')).toThrow(
      /link-local \(cloud metadata\)/,
    );
    expect(() => outbound.checkUrl('http://[::ffff:a9fe:a9fe]/')).toThrow(/link-local/);
    expect(() => outbound.checkUrl('file:///etc/passwd')).toThrow(/scheme file:/);
  });

  it('reaches an allowed address', async () => {
    const outbound = new Outbound(new OutboundPolicy(['127.0.0.1', '::1']));
    const res = await outbound.request(`http://127.0.0.1:${port}/x`, { method: 'GET' });
    expect(res.statusCode).toBe(200);
    expect(await res.body.json()).toEqual({ ok: true });
    const viaName = await outbound.fetch(`http://localhost:${port}/x`);
    expect(viaName.status).toBe(200);
  });
});
