/**
 * Bringing the timer start schedules back in step with the registry when the API starts:
 * Temporal may have lost them (a dev server started afresh, a schedule deleted by hand) or kept
 * some the registry no longer has (a definition deleted while a schedule change failed). For
 * every enabled or disabled BPMN definition whose latest deployed version has timer starts the
 * schedules are made as a deploy makes them, except that a recreated one-shot date in the past
 * does not fire again (it may have fired before it was lost); every `waymark-timer:` schedule
 * no definition wants is deleted. One definition failing does not stop the others; each
 * failure is logged and returned.
 */
import type { ApiDeps } from '../deps';
import { applySchedules, scheduleIdsOf, wantedSchedules } from './timer-schedules';

const PREFIX = 'waymark-timer:';

export interface ResyncReport {
  /** Schedule ids the registry wants (created, updated or already right). */
  kept: string[];
  /** Schedule ids deleted because no definition wants them. */
  removed: string[];
  /** Definition keys (or schedule ids) whose schedules could not be made right. */
  failed: string[];
}

async function keepWanted(deps: ApiDeps, report: ResyncReport): Promise<void> {
  const notify = await deps.registry.webhooks.subscribedEvents();
  for (const def of await deps.registry.definitions.listDefinitions()) {
    if (def.kind !== 'bpmn' || def.deployedVersion === null) continue;
    const version = await deps.registry.definitions.compiledVersion(def.id);
    const ids = scheduleIdsOf(def.key, version);
    if (!version || ids.length === 0) continue;
    report.kept.push(...ids);
    try {
      const wanted = wantedSchedules(deps, def, version, notify, Date.now());
      const noRefire = wanted.map((w) => ({ ...w, triggerNow: false }));
      await applySchedules(deps, noRefire, ids);
    } catch (err) {
      report.failed.push(def.key);
      deps.logger.warn({ err, key: def.key }, 'timer start schedules not resynced');
    }
  }
}

async function removeUnwanted(deps: ApiDeps, report: ResyncReport): Promise<void> {
  const wanted = new Set(report.kept);
  const unwanted: string[] = [];
  for await (const s of deps.temporal.client.schedule.list())
    if (s.scheduleId.startsWith(PREFIX) && !wanted.has(s.scheduleId)) unwanted.push(s.scheduleId);
  for (const id of unwanted) {
    try {
      await applySchedules(deps, [], [id]);
      report.removed.push(id);
    } catch (err) {
      report.failed.push(id);
      deps.logger.warn({ err, scheduleId: id }, 'orphan timer start schedule not deleted');
    }
  }
}

/** Makes Temporal's timer start schedules match the registry (see the module comment). */
export async function resyncSchedules(deps: ApiDeps): Promise<ResyncReport> {
  const report: ResyncReport = { kept: [], removed: [], failed: [] };
  await keepWanted(deps, report);
  await removeUnwanted(deps, report);
  if (report.removed.length > 0 || report.failed.length > 0)
    deps.logger.info(report, 'timer start schedules resynced');
  return report;
}
