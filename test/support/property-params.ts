/**
 * fast-check parameters shared by the property tests and fuzzers. `WAYMARK_PROPERTY_RUNS`
 * sets the case count (150 by default). The seed is random on a developer's machine, so each
 * run explores new cases, and fixed under `CI`, so a landing is judged on the same cases as
 * the run before it; `WAYMARK_PROPERTY_SEED` (and `WAYMARK_PROPERTY_PATH`, from a failure's
 * report) replays one failure anywhere.
 */
export interface PropertyParams {
  numRuns: number;
  seed?: number;
  path?: string;
}

const CI_SEED = 20261203;

export function propertyParams(defaultRuns = 150): PropertyParams {
  const numRuns = Number(process.env.WAYMARK_PROPERTY_RUNS ?? defaultRuns);
  const seedText = process.env.WAYMARK_PROPERTY_SEED;
  const seed = seedText ? Number(seedText) : process.env.CI ? CI_SEED : undefined;
  const path = process.env.WAYMARK_PROPERTY_PATH;
  return { numRuns, ...(seed !== undefined && { seed }), ...(path && { path }) };
}
