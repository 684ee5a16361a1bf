/**
 * The outbound address policy of every activity that calls out (http tasks, callback tasks,
 * integration `ai` nodes, webhook deliveries): only http(s), and never an address in a denied
 * range — loopback, unspecified, link-local (where cloud metadata services answer), private,
 * shared (CGNAT), multicast and reserved ranges — unless the operator allows it
 * (`WAYMARK_OUTBOUND_ALLOW`, IPs or CIDRs). The check runs on the addresses a host name
 * resolves to, inside the connection (undici `connect.lookup`), so a name that resolves to a
 * denied address is refused and the address checked is the one connected to; IP literals are
 * checked before the request. A denied call fails without retries, as an incident whose
 * message names the rule.
 */
import dns from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { ApplicationFailure } from '@temporalio/common';
import { Agent, fetch, request, type Dispatcher } from 'undici';

/** Denied ranges, by the rule a denial names. */
const DENIED_RANGES: ReadonlyArray<readonly [rule: string, cidrs: readonly string[]]> = [
  ['loopback', ['127.0.0.0/8', '::1/128']],
  ['unspecified', ['0.0.0.0/8', '::/128']],
  ['link-local (cloud metadata)', ['169.254.0.0/16', 'fe80::/10']],
  ['private', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7']],
  ['shared (CGNAT)', ['100.64.0.0/10']],
  ['multicast', ['224.0.0.0/4', 'ff00::/8']],
  ['reserved', ['240.0.0.0/4', '192.0.0.0/24', '198.18.0.0/15']],
];

/** The failure type of a call the policy refused. */
export const OUTBOUND_DENIED = 'OutboundDenied';

function addRange(list: BlockList, entry: string): void {
  const [address, bits] = entry.trim().split('/');
  const family = isIP(address);
  if (family === 0) throw new Error(`not an IP address or CIDR: "${entry}"`);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (bits === undefined) list.addAddress(address, type);
  else {
    const prefix = Number(bits);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128))
      throw new Error(`bad prefix length in "${entry}"`);
    list.addSubnet(address, prefix, type);
  }
}

const familyOf = (address: string): 'ipv4' | 'ipv6' => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** Which addresses outbound calls may reach. */
export class OutboundPolicy {
  private readonly allowed = new BlockList();
  private readonly denied = DENIED_RANGES.map(([rule, cidrs]) => {
    const list = new BlockList();
    for (const cidr of cidrs) addRange(list, cidr);
    return { rule, list };
  });

  /** `allow`: IPs and CIDRs that may be reached although a rule denies them. */
  constructor(readonly allow: readonly string[] = []) {
    for (const entry of allow) {
      try {
        addRange(this.allowed, entry);
      } catch (err) {
        throw new Error(`WAYMARK_OUTBOUND_ALLOW: ${(err as Error).message}`);
      }
    }
  }

  /** Reads a comma-separated allow list (config `WAYMARK_OUTBOUND_ALLOW`). */
  static fromList(list: string | undefined): OutboundPolicy {
    return new OutboundPolicy((list ?? '').split(',').filter((e) => e.trim() !== ''));
  }

  /** The rule that denies `address`, or undefined when it may be reached. */
  denial(address: string): string | undefined {
    const type = familyOf(address);
    if (this.allowed.check(address, type)) return undefined;
    return this.denied.find(({ list }) => list.check(address, type))?.rule;
  }
}

/** Thrown inside the connection when a resolved address is denied. */
class OutboundDeniedError extends Error {
  readonly code = 'EOUTBOUNDDENIED';
}

function deniedMessage(host: string, address: string, rule: string): string {
  const via = host === address ? '' : ` (${host} resolves to it)`;
  return `outbound call to ${address}${via} denied by the address policy: ${rule} address; allow it with WAYMARK_OUTBOUND_ALLOW`;
}

/** dns.lookup that refuses denied addresses. */
function guardedLookup(policy: OutboundPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      for (const { address } of addresses) {
        const rule = policy.denial(address);
        if (rule)
          return callback(new OutboundDeniedError(deniedMessage(hostname, address, rule)), '', 0);
      }
      if ((options as { all?: boolean }).all)
        return (callback as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** The denial buried in an undici error's cause chain, if that is why it failed. */
function denialIn(err: unknown): OutboundDeniedError | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    if (e instanceof OutboundDeniedError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Outbound HTTP under the policy: undici's request and fetch with a guarded dispatcher. */
export class Outbound {
  private readonly dispatcher: Dispatcher;

  constructor(readonly policy: OutboundPolicy) {
    this.dispatcher = new Agent({ connect: { lookup: guardedLookup(policy) } });
  }

  /** undici `request` to an http(s) URL the policy allows. */
  async request(
    url: string | URL,
    options: Omit<Dispatcher.RequestOptions, 'origin' | 'path' | 'dispatcher'>,
  ): Promise<Dispatcher.ResponseData> {
    this.checkUrl(url);
    return this.guard(() => request(url, { ...options, dispatcher: this.dispatcher }));
  }

  /** undici `fetch` to an http(s) URL the policy allows. */
  async fetch(url: string | URL, init: Parameters<typeof fetch>[1] = {}): ReturnType<typeof fetch> {
    this.checkUrl(url);
    return this.guard(() => fetch(url, { ...init, dispatcher: this.dispatcher }));
  }

  /** Refuses other schemes and denied IP literals before any connection is made. */
  checkUrl(raw: string | URL): void {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw ApplicationFailure.nonRetryable(
        `outbound call denied by the address policy: scheme ${url.protocol} (only http and https)`,
        OUTBOUND_DENIED,
      );
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const rule = isIP(host) ? this.policy.denial(host) : undefined;
    if (rule)
      throw ApplicationFailure.nonRetryable(deniedMessage(host, host, rule), OUTBOUND_DENIED);
  }

  private async guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      const denied = denialIn(err);
      if (denied) throw ApplicationFailure.nonRetryable(denied.message, OUTBOUND_DENIED);
      throw err;
    }
  }
}
