/**
 * Secret references in connector fields: `{{secrets.NAME}}` (Camunda's form) in an http task's
 * inputs and headers, and in a callback task's `authorization` / `header.*` headers, are
 * replaced inside the activity, just before the request, so the value never enters workflow
 * history (the reference does). Values come from the worker's environment,
 * `WAYMARK_SECRET_<NAME>`, or from a JSON file of `{"NAME": "value"}` named by
 * `WAYMARK_SECRETS_FILE` (the environment wins). An unknown name is a task configuration error
 * naming the secret, never its value. `redact` replaces every known value in a text (error
 * messages that become incidents).
 */
import fs from 'node:fs';

/** `{{secrets.NAME}}`, spaces inside the braces tolerated. */
const REFERENCE = /\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/g;

/** Environment prefix of a secret. */
export const SECRET_ENV_PREFIX = 'WAYMARK_SECRET_';

/** Thrown for a reference to a secret the worker does not have. */
export class UnknownSecretError extends Error {}

/** The worker's secrets. */
export class SecretStore {
  constructor(private readonly values: ReadonlyMap<string, string> = new Map()) {}

  /** From `WAYMARK_SECRET_<NAME>` variables and the optional JSON file (environment wins). */
  static fromEnvironment(env: NodeJS.ProcessEnv, file?: string): SecretStore {
    const values = new Map<string, string>();
    if (file) {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error(`WAYMARK_SECRETS_FILE ${file}: expected a JSON object of strings`);
      for (const [name, value] of Object.entries(parsed)) {
        if (typeof value !== 'string')
          throw new Error(`WAYMARK_SECRETS_FILE ${file}: secret ${name} is not a string`);
        values.set(name, value);
      }
    }
    for (const [key, value] of Object.entries(env)) {
      if (key.startsWith(SECRET_ENV_PREFIX) && key.length > SECRET_ENV_PREFIX.length && value)
        values.set(key.slice(SECRET_ENV_PREFIX.length), value);
    }
    return new SecretStore(values);
  }

  /** `value` with every reference in its strings replaced (objects and arrays walked). */
  resolve<T>(value: T): T {
    if (typeof value === 'string') return this.resolveString(value) as T;
    if (Array.isArray(value)) return value.map((v: unknown) => this.resolve(v)) as T;
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.resolve(v);
      return out as T;
    }
    return value;
  }

  private resolveString(text: string): string {
    if (!text.includes('{{')) return text;
    return text.replace(REFERENCE, (_, name: string) => {
      const found = this.values.get(name);
      if (found === undefined)
        throw new UnknownSecretError(
          `secret ${name} is not defined on the worker (${SECRET_ENV_PREFIX}${name} or WAYMARK_SECRETS_FILE)`,
        );
      return found;
    });
  }

  /** `text` with every secret value replaced by `***`. */
  redact(text: string): string {
    let out = text;
    for (const value of this.values.values()) {
      if (value.length >= 4) out = out.split(value).join('***');
    }
    return out;
  }
}
