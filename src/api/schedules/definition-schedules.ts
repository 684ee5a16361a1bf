/**
 * Keeping the Temporal Schedules of timer start events in step with the registry: the
 * schedules always mirror a definition's latest deployed version and its `enabled` flag.
 * Deploying a version with timer starts creates or replaces them, one without them deletes
 * them, disabling pauses them, enabling resumes them, deleting the definition deletes them.
 *
 * Each change is an effect run inside the registry write's transaction (`onWritten`): when
 * Temporal refuses, the write rolls back and the schedules already touched are put back to
 * what the registry holds, so a failed deploy leaves no half-created state; the caller gets a
 * 503 saying so. Everything the effect needs from the registry is read before the write.
 */
import type { ProcessIR } from '../../model/bpmn/ir';
import type { CreateVersionResult, Definition, OnWritten, VersionInfo } from '../../registry';
import type { ApiDeps } from '../deps';
import { HttpProblem } from '../problem';
import { applySchedules, scheduleIdsOf, wantedSchedules } from './timer-schedules';

/** A schedule effect failed: the registry write rolled back. */
class ScheduleSyncError extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** The effect for a registry write and the definition keys it may touch. */
export interface ScheduleEffect<T> {
  onWritten: OnWritten<T>;
  keys: Array<{ key: string; ids: string[] }>;
}

const effect =
  <T>(run: (written: T) => Promise<void>): OnWritten<T> =>
  async (written) => {
    try {
      await run(written);
    } catch (err) {
      throw new ScheduleSyncError(err);
    }
  };

const isBpmn = (def: Definition | undefined): def is Definition => def?.kind === 'bpmn';

/** The latest deployed version of a BPMN definition (undefined for other kinds). */
async function latestDeployed(deps: ApiDeps, def: Definition | undefined) {
  return isBpmn(def) ? deps.registry.definitions.compiledVersion(def.id) : undefined;
}

/** Puts a definition's schedules back to what the registry holds (after a rollback). */
async function restore(deps: ApiDeps, key: string, attempted: string[]): Promise<void> {
  const def = await deps.registry.definitions.getDefinition(key);
  const current = await latestDeployed(deps, def);
  const wanted =
    def && current
      ? wantedSchedules(
          deps,
          def,
          current,
          await deps.registry.webhooks.subscribedEvents(),
          Date.now(),
        )
      : [];
  await applySchedules(deps, wanted, [...attempted, ...scheduleIdsOf(key, current)]);
}

/**
 * Runs a registry write with its schedule effect: a failure of the effect restores the
 * schedules and answers 503 (or the effect's own problem, e.g. a 413 input) saying nothing
 * was changed.
 */
export async function withSchedules<T, W>(
  deps: ApiDeps,
  what: string,
  scheduled: ScheduleEffect<W> | undefined,
  write: (onWritten?: OnWritten<W>) => Promise<T>,
): Promise<T> {
  if (!scheduled) return write();
  try {
    return await write(scheduled.onWritten);
  } catch (err) {
    if (!(err instanceof ScheduleSyncError)) throw err;
    let restored = true;
    for (const { key, ids } of scheduled.keys) {
      try {
        await restore(deps, key, ids);
      } catch (restoreErr) {
        restored = false;
        deps.logger.error({ err: restoreErr, key }, 'could not restore timer start schedules');
      }
    }
    if (err.cause instanceof HttpProblem) throw err.cause;
    deps.logger.warn({ err: err.cause, what }, 'timer start schedule change failed');
    throw new HttpProblem(
      503,
      `${what} did not happen: Temporal refused a timer start schedule (${err.message}). Nothing was changed; ${
        restored
          ? 'the schedules are as they were'
          : 'restoring the schedules failed too, so they may not match the definition until it is deployed again'
      }`,
      { type: 'schedule-failed' },
    );
  }
}

/** Uploading with `?deploy=true`: the new versions' schedules replace the previous ones. */
export async function uploadSchedules(
  deps: ApiDeps,
  processes: ProcessIR[],
): Promise<ScheduleEffect<CreateVersionResult[]> | undefined> {
  const keys: Array<{ key: string; ids: string[] }> = [];
  for (const ir of processes) {
    const current = await latestDeployed(
      deps,
      await deps.registry.definitions.getDefinition(ir.processId),
    );
    const ids = [
      ...scheduleIdsOf(ir.processId, current),
      ...scheduleIdsOf(ir.processId, { compiled: ir }),
    ];
    keys.push({ key: ir.processId, ids });
  }
  if (keys.every((k) => k.ids.length === 0)) return undefined;
  const notify = await deps.registry.webhooks.subscribedEvents();
  return {
    keys,
    onWritten: effect(async (results) => {
      const now = Date.now();
      for (const [i, { definition, version }] of results.entries()) {
        const compiled = { ...version, compiled: processes[i] };
        await applySchedules(
          deps,
          wantedSchedules(deps, definition, compiled, notify, now),
          keys[i].ids,
        );
      }
    }),
  };
}

/** Deploying version `v`: when it is (or becomes) the latest deployed, its schedules apply. */
export async function deploySchedules(
  deps: ApiDeps,
  def: Definition,
  v: number,
): Promise<ScheduleEffect<VersionInfo> | undefined> {
  if (!isBpmn(def)) return undefined;
  const target = await deps.registry.definitions.compiledVersion(def.id, v);
  const current = await deps.registry.definitions.compiledVersion(def.id);
  if (!target || (current && current.version > v)) return undefined;
  const ids = [...scheduleIdsOf(def.key, current), ...scheduleIdsOf(def.key, target)];
  if (ids.length === 0) return undefined;
  const notify = await deps.registry.webhooks.subscribedEvents();
  return {
    keys: [{ key: def.key, ids }],
    onWritten: effect(async (info) => {
      const wanted = wantedSchedules(deps, def, { ...target, ...info }, notify, Date.now());
      await applySchedules(deps, wanted, ids);
    }),
  };
}

/** Enabling or disabling: the schedules resume or pause. */
export async function enabledSchedules(
  deps: ApiDeps,
  def: Definition,
): Promise<ScheduleEffect<Definition> | undefined> {
  const current = await latestDeployed(deps, def);
  const ids = scheduleIdsOf(def.key, current);
  if (!current || ids.length === 0) return undefined;
  const notify = await deps.registry.webhooks.subscribedEvents();
  return {
    keys: [{ key: def.key, ids }],
    onWritten: effect(async (updated) => {
      await applySchedules(deps, wantedSchedules(deps, updated, current, notify, Date.now()), ids);
    }),
  };
}

/** Deleting the definition: its schedules go with it. */
export async function deleteSchedules(
  deps: ApiDeps,
  def: Definition,
): Promise<ScheduleEffect<void> | undefined> {
  const ids = scheduleIdsOf(def.key, await latestDeployed(deps, def));
  if (ids.length === 0) return undefined;
  return {
    keys: [{ key: def.key, ids }],
    onWritten: effect(() => applySchedules(deps, [], ids)),
  };
}
