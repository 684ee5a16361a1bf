/**
 * Errors the registry stores raise on purpose (the engine's own are `src/engine/errors.ts`).
 * The API maps them to HTTP statuses (not found → 404, conflict → 409, input → 422); anything
 * else is a technical fault. A unique constraint violated by a concurrent writer is a
 * conflict, whichever dialect reports it (`isUniqueViolation`).
 */

/** The definition or version asked for does not exist. */
export class RegistryNotFoundError extends Error {
  override readonly name = 'RegistryNotFoundError';
}

/** The request contradicts what is stored (a key taken by another kind, …). */
export class RegistryConflictError extends Error {
  override readonly name = 'RegistryConflictError';
}

/** The request holds a value the registry cannot store (a key too long, …). */
export class RegistryInputError extends Error {
  override readonly name = 'RegistryInputError';
}

/** The longest definition key the registry stores (`varchar(255)`, enforced by PostgreSQL). */
export const MAX_KEY_LENGTH = 255;

/** SQLite's (better-sqlite3) and PostgreSQL's (`pg`, SQLSTATE 23505) unique-violation codes. */
const uniqueViolationCodes = new Set([
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
  '23505',
]);

/** True when `err` is a unique or primary-key violation reported by either dialect. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && uniqueViolationCodes.has(code);
}

/** Runs a write; a unique violation it hits (a concurrent writer won) becomes a conflict. */
export async function asConflict<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    throw new RegistryConflictError('a concurrent write stored the same row first; retry', {
      cause: err,
    });
  }
}
