/**
 * Errors the registry stores raise on purpose (the engine's own are `src/engine/errors.ts`).
 * The API maps them to HTTP statuses (not found → 404, conflict → 409); anything else is a
 * technical fault.
 */

/** The definition or version asked for does not exist. */
export class RegistryNotFoundError extends Error {
  override readonly name = 'RegistryNotFoundError';
}

/** The request contradicts what is stored (a key taken by another kind, …). */
export class RegistryConflictError extends Error {
  override readonly name = 'RegistryConflictError';
}
