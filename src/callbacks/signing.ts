/**
 * Signed callback URLs, shared by the worker (which hands them to the service) and the API
 * (which checks them): `responsePath` / `errorResponsePath` are
 * `<publicUrl>/callbacks/<token>/success|error`, and the token binds one element instance
 * (`<workflowId>/<elementId>/<n>`, so it names the instance too) and the request attempt with
 * an HMAC-SHA256 under the Waymark secret. Nobody without the secret can complete another
 * instance's node; the workflow id is read back from the token.
 *
 * The secret is `WAYMARK_SECRET`, or else a random one generated once per data folder
 * (`<WAYMARK_DATA_DIR>/callback-secret`, mode 600) so that API and worker processes sharing
 * the folder agree without configuration.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { ensurePrivateDir } from '../private-files';

/** File name of the generated secret inside the data folder. */
export const SECRET_FILE = 'callback-secret';

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
}

function mac(secret: string, claims: CallbackClaims): Buffer {
  return createHmac('sha256', secret)
    .update(`waymark-callback\n${claims.flowElementInstanceId}\n${claims.attempt}`, 'utf8')
    .digest();
}

/** `<base64url(feiId)>.<attempt>.<base64url(hmac)>`: URL-safe as it is. */
export function signCallbackToken(secret: string, claims: CallbackClaims): string {
  const fei = Buffer.from(claims.flowElementInstanceId, 'utf8').toString('base64url');
  return `${fei}.${claims.attempt}.${mac(secret, claims).toString('base64url')}`;
}

/** The claims of a token whose signature holds (constant-time check), else undefined. */
export function verifyCallbackToken(secret: string, token: string): CallbackClaims | undefined {
  const m = /^([A-Za-z0-9_-]+)\.([1-9]\d{0,8})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return undefined;
  const claims = {
    flowElementInstanceId: Buffer.from(m[1], 'base64url').toString('utf8'),
    attempt: Number(m[2]),
  };
  const presented = Buffer.from(m[3], 'base64url');
  const expected = mac(secret, claims);
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected))
    return undefined;
  return claims;
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
