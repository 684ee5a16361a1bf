/**
 * Signed callback URLs, shared by the worker (which hands them to the service) and the API
 * (which checks them): `responsePath` / `errorResponsePath` are
 * `<publicUrl>/callbacks/<token>/success|error`, and the token binds one element instance
 * (`<workflowId>/<elementId>/<n>`, so it names the instance too), the request attempt, the
 * **first run id** of the workflow (so a business key reused after its run closed does not
 * accept the old run's URLs: same element-instance ids, another run) and an **expiry**, with an
 * HMAC-SHA256 under the Waymark secret. The token starts with a key id (a short hash of the
 * key), so during a rotation a token signed with the previous key (`WAYMARK_PREVIOUS_SECRET`)
 * still verifies; new tokens are always signed with the current one.
 *
 * The secret is `WAYMARK_SECRET`, or else a random one generated once per data folder
 * (`<WAYMARK_DATA_DIR>/callback-secret`, mode 600) so that API and worker processes sharing
 * the folder agree without configuration.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { ensurePrivateDir } from '../private-files';

/** File name of the generated secret inside the data folder. */
export const SECRET_FILE = 'callback-secret';

/** Token format marker: version 2 (run id, expiry, key id). */
const VERSION = 'w2';

const cache = new Map<string, string>();

/** The secret: WAYMARK_SECRET, or the data folder's generated one (created on first use). */
export function callbackSecret(config: Pick<Config, 'WAYMARK_SECRET' | 'dataDir'>): string {
  if (config.WAYMARK_SECRET) return config.WAYMARK_SECRET;
  const file = path.join(config.dataDir, SECRET_FILE);
  const known = cache.get(file);
  if (known) return known;
  ensurePrivateDir(config.dataDir);
  try {
    // `wx`: exactly one process creates it; the others read what it wrote.
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const secret = readWhenWritten(file);
  cache.set(file, secret);
  return secret;
}

/** The keys a token may verify with: the current secret first, then the previous one. */
export function callbackKeys(
  config: Pick<Config, 'WAYMARK_SECRET' | 'WAYMARK_PREVIOUS_SECRET' | 'dataDir'>,
): string[] {
  const current = callbackSecret(config);
  const previous = config.WAYMARK_PREVIOUS_SECRET;
  return previous && previous !== current ? [current, previous] : [current];
}

function readWhenWritten(file: string): string {
  for (let i = 0; i < 100; i++) {
    const secret = fs.readFileSync(file, 'utf8').trim();
    if (secret.length >= 16) return secret;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); // another process is writing it
  }
  throw new Error(`callback secret file ${file} is empty or too short`);
}

/** What a valid token stands for. */
export interface CallbackClaims {
  flowElementInstanceId: string;
  attempt: number;
  /** The workflow's first run id (`firstExecutionRunId`, stable across continue-as-new). */
  firstRunId: string;
  /** Expiry, in seconds since the epoch. */
  expiresAt: number;
}

/** Why a token was refused. */
export type TokenRejection = 'malformed' | 'bad-signature' | 'expired';

/** A key's id in tokens: 8 characters of a hash of the key (never the key itself). */
export function keyId(secret: string): string {
  return createHash('sha256')
    .update(`waymark-callback-kid\n${secret}`, 'utf8')
    .digest('base64url')
    .slice(0, 8);
}

function mac(secret: string, claims: CallbackClaims): Buffer {
  const text = [
    'waymark-callback-v2',
    claims.flowElementInstanceId,
    claims.firstRunId,
    claims.attempt,
    claims.expiresAt,
  ].join('\n');
  return createHmac('sha256', secret).update(text, 'utf8').digest();
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

/** `w2.<kid>.<b64(feiId)>.<b64(firstRunId)>.<attempt>.<expiresAt>.<b64(hmac)>`: URL-safe as it is. */
export function signCallbackToken(secret: string, claims: CallbackClaims): string {
  return [
    VERSION,
    keyId(secret),
    b64(claims.flowElementInstanceId),
    b64(claims.firstRunId),
    claims.attempt,
    claims.expiresAt,
    mac(secret, claims).toString('base64url'),
  ].join('.');
}

const TOKEN =
  /^w2\.([A-Za-z0-9_-]{8})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([1-9]\d{0,8})\.([1-9]\d{0,11})\.([A-Za-z0-9_-]{43})$/;

/**
 * The claims of a token whose signature holds under one of `keys` (the key its id names;
 * constant-time check) and that has not expired at `nowMs`; else why not.
 */
export function verifyCallbackToken(
  keys: string | readonly string[],
  token: string,
  nowMs: number = Date.now(),
): { claims: CallbackClaims } | { rejected: TokenRejection } {
  const m = TOKEN.exec(token);
  if (!m) return { rejected: 'malformed' };
  const key = (typeof keys === 'string' ? [keys] : keys).find((k) => keyId(k) === m[1]);
  if (key === undefined) return { rejected: 'bad-signature' };
  const claims: CallbackClaims = {
    flowElementInstanceId: Buffer.from(m[2], 'base64url').toString('utf8'),
    firstRunId: Buffer.from(m[3], 'base64url').toString('utf8'),
    attempt: Number(m[4]),
    expiresAt: Number(m[5]),
  };
  const presented = Buffer.from(m[6], 'base64url');
  const expected = mac(key, claims);
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected))
    return { rejected: 'bad-signature' };
  if (claims.expiresAt * 1000 <= nowMs) return { rejected: 'expired' };
  return { claims };
}

/** The two URLs a service calls back on. */
export function callbackUrls(
  publicUrl: string,
  secret: string,
  claims: CallbackClaims,
): { responsePath: string; errorResponsePath: string } {
  const base = `${publicUrl.replace(/\/$/, '')}/callbacks/${signCallbackToken(secret, claims)}`;
  return { responsePath: `${base}/success`, errorResponsePath: `${base}/error` };
}
