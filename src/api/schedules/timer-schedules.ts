/**
 * Temporal Schedules for the timer start events of a definition's latest deployed version:
 * one schedule per timer start (`waymark-timer:<key>:<startEventId>`) whose action starts an
 * instance of that version at that start event — the same input, queue, search attributes and
 * summary an API start has (`processInput`, `startOptions`), with no variables. Overlap policy
 * ALLOW_ALL: like Camunda, every due time starts an instance whatever is still running.
 *
 * `applySchedules` makes Temporal match: it creates or updates the wanted schedules (one
 * already pointing at the same version is left alone, so re-deploying does not restart a
 * duration's count or re-fire a past date; only its paused state follows `enabled`) and
 * deletes the ones no longer wanted.
 */
import { ScheduleNotFoundError, type ScheduleOptions } from '@temporalio/client';
import { planTimerStart } from '../../engine/timer-start';
import type { ProcessIR } from '../../model/bpmn/ir';
import type { CompiledVersion, Definition } from '../../registry';
import type { WebhookEventName } from '../../../workflows/messages';
import type { ApiDeps } from '../deps';
import { HttpProblem } from '../problem';
import { processInput } from '../start/start-kinds';
import { startOptions } from '../start/start-workflow';
import { timerSchedule } from './schedule-spec';

/** The schedule id of a definition's timer start event. */
export const scheduleIdOf = (key: string, startEventId: string) =>
  `waymark-timer:${key}:${startEventId}`;

/** The version's process-level timer start events. */
export function timerStartsOf(version: Pick<CompiledVersion, 'compiled'> | undefined) {
  const ir = version?.compiled as Partial<ProcessIR> | undefined;
  return (ir?.startEvents ?? []).flatMap((s) => (s.kind === 'timer' ? [s] : []));
}

/** The schedule ids the version's timer starts have. */
export function scheduleIdsOf(
  key: string,
  version: Pick<CompiledVersion, 'compiled'> | undefined,
): string[] {
  return timerStartsOf(version).map((s) => scheduleIdOf(key, s.elementId));
}

/** One wanted schedule, and whether it must start an instance at once. */
export interface WantedSchedule {
  options: ScheduleOptions;
  triggerNow: boolean;
  /** `<definition id>/<version>` the action starts. */
  pinned: string;
}

const pausedNote = 'the definition is disabled';

/** The schedules of `version`'s timer starts, as deployed at `now` (422 if one cannot be made). */
export function wantedSchedules(
  deps: ApiDeps,
  def: Definition,
  version: CompiledVersion,
  notify: WebhookEventName[],
  now: number,
): WantedSchedule[] {
  return timerStartsOf(version).map((start) => {
    const plan = planTimerStart(start.timer, now);
    if (!plan.ok)
      throw new HttpProblem(422, `the timer start event ${start.elementId} cannot be scheduled`, {
        type: 'invalid-model',
        errors: [{ elementId: start.elementId, message: plan.error }],
      });
    const schedule = timerSchedule(plan.plan, now);
    const context = { def, version, variables: {}, startAt: start.elementId };
    const options: ScheduleOptions = {
      scheduleId: scheduleIdOf(def.key, start.elementId),
      spec: schedule.spec,
      action: {
        type: 'startWorkflow',
        workflowType: def.key,
        // Temporal appends each action's scheduled time to the id.
        workflowId: `${def.key}:timer:${start.elementId}`,
        ...startOptions(deps, context, processInput(deps.config, context, notify)),
      },
      policies: { overlap: 'ALLOW_ALL', catchupWindow: schedule.catchupWindowMs },
      state: {
        paused: !def.enabled,
        ...(def.enabled ? {} : { note: pausedNote }),
        ...(schedule.remainingActions !== undefined
          ? { remainingActions: schedule.remainingActions }
          : {}),
      },
      memo: { definitionKey: def.key, definitionId: def.id, startEventId: start.elementId },
    };
    const pinned = `${def.id}/${version.version}`;
    return { options, triggerNow: schedule.triggerNow, pinned };
  });
}

/** Runs `fn` with the API's Temporal deadline. */
function bounded<T>(deps: ApiDeps, fn: () => Promise<T>): Promise<T> {
  const ms = Math.max(deps.temporal.timeoutMs ?? 5000, 5000);
  return deps.temporal.client.connection.withDeadline(Date.now() + ms, fn);
}

/** `<definition id>/<version>` of what a schedule's action starts, if it is one of ours. */
function actionVersion(args: readonly unknown[] | undefined): string | undefined {
  const input = args?.[0] as { definition?: { id?: unknown; version?: unknown } } | undefined;
  const d = input?.definition;
  return d ? `${String(d.id)}/${String(d.version)}` : undefined;
}

async function upsert(deps: ApiDeps, wanted: WantedSchedule): Promise<void> {
  const { client } = deps.temporal;
  const { options } = wanted;
  const handle = client.schedule.getHandle(options.scheduleId);
  let current;
  try {
    current = await handle.describe();
  } catch (err) {
    if (!(err instanceof ScheduleNotFoundError)) throw err;
    await client.schedule.create({
      ...options,
      state: { ...options.state, triggerImmediately: wanted.triggerNow },
    });
    return;
  }
  const paused = options.state?.paused ?? false;
  if (actionVersion(current.action.args) === wanted.pinned) {
    if (current.state.paused !== paused)
      await (paused ? handle.pause(pausedNote) : handle.unpause('the definition is enabled'));
    return;
  }
  const { scheduleId: _id, memo: _memo, state, ...rest } = options;
  await handle.update(() => ({
    ...rest,
    state: {
      paused,
      ...(state?.note ? { note: state.note } : {}),
      ...(state?.remainingActions !== undefined
        ? { remainingActions: state.remainingActions }
        : {}),
    },
  }));
  if (wanted.triggerNow) await handle.trigger('ALLOW_ALL');
}

async function remove(deps: ApiDeps, scheduleId: string): Promise<void> {
  try {
    await deps.temporal.client.schedule.getHandle(scheduleId).delete();
  } catch (err) {
    if (!(err instanceof ScheduleNotFoundError)) throw err;
  }
}

/** Creates or updates `wanted` and deletes every id of `known` that is not wanted. */
export async function applySchedules(
  deps: ApiDeps,
  wanted: WantedSchedule[],
  known: Iterable<string>,
): Promise<void> {
  const keep = new Set(wanted.map((w) => w.options.scheduleId));
  for (const w of wanted)
    await named(
      w.options.scheduleId,
      bounded(deps, () => upsert(deps, w)),
    );
  for (const id of new Set(known))
    if (!keep.has(id))
      await named(
        id,
        bounded(deps, () => remove(deps, id)),
      );
}

/** Temporal's reason (the gRPC details under the SDK's "Failed to … schedule"). */
function reason(err: unknown): string {
  const e = err as { message?: string; cause?: { details?: string; message?: string } };
  return [e.message, e.cause?.details ?? e.cause?.message].filter(Boolean).join(': ');
}

/** Names the schedule in a failure; problems the API answers itself pass as they are. */
async function named(scheduleId: string, call: Promise<void>): Promise<void> {
  try {
    await call;
  } catch (err) {
    if (err instanceof HttpProblem) throw err;
    throw new Error(`${scheduleId}: ${reason(err)}`, { cause: err });
  }
}
