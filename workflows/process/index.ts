/**
 * The BPMN driver: runs the engine reducer inside a Temporal workflow. It turns engine
 * commands into Temporal primitives (activities, durable timers, child workflows), feeds their
 * outcomes and every signal/update back to the engine as events stamped with workflow time,
 * keeps the Web UI's view current (details, search attributes) and continues-as-new at a
 * quiescent point when Temporal suggests it. All element semantics live in `src/engine`.
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import * as engine from '../../src/engine';
import type { EngineCommand, EngineEvent, EngineState, Variables } from '../../src/engine/types';
import { WaymarkActiveElements, WaymarkIncident } from '../../src/temporal/search-attributes';
import {
  scheduleTaskActivity,
  startChildProcess,
  startTask,
  startTimer,
  taskFailure,
  taskVariables,
} from './commands';
import { registerCallbackHandlers } from './callback-handlers';
import {
  completeUserTaskUpdate,
  instanceQuery,
  messageSignal,
  retryIncidentUpdate,
  type InstanceView,
  type ProcessWorkflowInput,
  type WebhookEventName,
} from '../messages';
import { attributesKey, publishRules, renderDetails, waitingElementIds } from './inspection';
import { startNotify } from '../notify';
import { INTEGRATION_TASK_TYPE, runIntegrationTask } from './integration-task';

type ScheduleTask = Extract<EngineCommand, { type: 'scheduleTask' }>;

/** Work in flight: in its own cancellation scope, or (a service task that cannot be interrupted) not. */
type Tracked = CancellationScope | { readonly unscoped: true };

/** Runs one BPMN process instance (or resumes it after continue-as-new). */
export async function runProcess(input: ProcessWorkflowInput): Promise<Variables> {
  const { ir } = input;
  const info = workflowInfo();
  const generation = input.generation ?? 0;
  /** Activities and child workflows in flight, by feiId. */
  const work = new Map<string, Tracked>();
  const timers = new Map<string, Tracked>();
  /** Revision 1, and actions that fail at an incident (which cancels all work): a scope per task. */
  const scopeEveryTask = (input.revision ?? 1) < 2 || input.failOnIncident === true;
  const rules = publishRules(input, info.typedSearchAttributes);
  /** The search attributes as last published: at first, as the run started with them. */
  let published = rules.published;
  /**
   * Set once continue-as-new is due: new activities and children are held back (not started)
   * until the work in flight drains, then carried into the next run, which starts them. In a
   * chain of tasks there is otherwise never a moment with no work in flight.
   */
  let draining = false;
  let deferred: EngineCommand[] = [];

  const now = (): number => Date.now();

  /**
   * Webhook notifications (workflows/notify.ts): only when the instance was started with
   * `notify` — without it no command is ever issued, so older histories replay unchanged.
   */
  const notifyEvents = new Set(input.notify ?? []);
  const notifying: Promise<void>[] = [];
  const notifiedIncidents = new Set(Object.keys(input.resume?.incidents ?? {}));
  const notify = (key: string, event: WebhookEventName, data: Record<string, unknown>): void => {
    if (!notifyEvents.has(event)) return;
    notifying.push(
      startNotify(key, event, {
        runId: info.workflowId,
        workflowId: info.workflowId,
        definition: input.definition,
        ...(input.caseId ? { caseId: input.caseId } : {}),
        ...(input.businessKey ? { businessKey: input.businessKey } : {}),
        ...data,
      }),
    );
  };

  const dispatch = (event: EngineEvent): void => {
    run(engine.step(ir, state, event).commands);
  };

  const run = (commands: EngineCommand[]): void => {
    for (const cmd of commands) execute(cmd);
    publish();
  };

  const execute = (cmd: EngineCommand): void => {
    if (draining && (cmd.type === 'scheduleTask' || cmd.type === 'startChild')) {
      deferred.push(cmd);
      return;
    }
    switch (cmd.type) {
      case 'scheduleTask':
        if (cmd.taskType === INTEGRATION_TASK_TYPE) {
          track(work, cmd.feiId, (scope) => runIntegrationTask(scope, ir, cmd, now));
          return;
        }
        if (!scopeEveryTask && !engine.isInterruptible(ir, cmd.elementId)) {
          trackTask(cmd);
          return;
        }
        track(work, cmd.feiId, (scope) =>
          startTask(scope, cmd, info.workflowId, input.definition.key).then((o) =>
            o.ok
              ? { type: 'taskCompleted', feiId: cmd.feiId, variables: o.variables, now: now() }
              : { type: 'taskFailed', feiId: cmd.feiId, ...o.failure, now: now() },
          ),
        );
        return;
      case 'startChild':
        track(work, cmd.feiId, (scope) =>
          startChildProcess(scope, cmd).then((o) =>
            o.ok
              ? { type: 'childCompleted', feiId: cmd.feiId, variables: o.variables, now: now() }
              : { type: 'childFailed', feiId: cmd.feiId, message: o.failure.message, now: now() },
          ),
        );
        return;
      case 'startTimer':
        track(timers, cmd.timerId, (scope) =>
          startTimer(scope, cmd.dueAt - now(), cmd.name ?? cmd.elementId).then((): EngineEvent => ({
            type: 'timerFired',
            timerId: cmd.timerId,
            now: now(),
          })),
        );
        return;
      case 'cancelTimer':
        cancel(timers, cmd.timerId);
        return;
      case 'cancelWork':
        deferred = deferred.filter((d) => !('feiId' in d) || d.feiId !== cmd.feiId);
        cancel(work, cmd.feiId);
        return;
      case 'complete':
      case 'fail':
        return; // the main loop sees the status change
    }
  };

  /**
   * Keeps `entry` under `id` until `outcome` settles, then feeds the event(s) it settles with
   * to the engine, in order. Outcomes of work cancelled meanwhile are dropped: the engine has
   * moved on.
   */
  const settle = (
    registry: Map<string, Tracked>,
    id: string,
    entry: Tracked,
    outcome: Promise<EngineEvent | EngineEvent[]>,
  ): void => {
    registry.set(id, entry);
    void outcome.then(
      (event) => {
        if (registry.get(id) !== entry) return;
        registry.delete(id);
        for (const e of Array.isArray(event) ? event : [event]) dispatch(e);
      },
      (err: unknown) => {
        if (registry.get(id) === entry) registry.delete(id);
        if (!isCancellation(err)) throw err;
      },
    );
  };

  /** Runs `start` in a fresh cancellation scope kept under `id` (`settle`). */
  const track = (
    registry: Map<string, Tracked>,
    id: string,
    start: (scope: CancellationScope) => Promise<EngineEvent | EngineEvent[]>,
  ): void => {
    const scope = new CancellationScope();
    settle(registry, id, scope, start(scope));
  };

  /**
   * A service task nothing but the workflow's own cancellation can end: its activity runs in
   * the root scope, without a scope's promises and async hooks (each promise made in a
   * workflow costs a captured stack trace).
   */
  const trackTask = (cmd: ScheduleTask): void => {
    const outcome = scheduleTaskActivity(cmd, info.workflowId, input.definition.key).then(
      (result): EngineEvent => ({
        type: 'taskCompleted',
        feiId: cmd.feiId,
        variables: taskVariables(result),
        now: now(),
      }),
      (err: unknown): EngineEvent => {
        const failure = taskFailure(err);
        if (!failure) throw err;
        return { type: 'taskFailed', feiId: cmd.feiId, ...failure, now: now() };
      },
    );
    settle(work, cmd.feiId, { unscoped: true }, outcome);
  };

  /** Unscoped work is left to the workflow's cancellation; its late outcome is dropped. */
  const cancel = (registry: Map<string, Tracked>, id: string): void => {
    const entry = registry.get(id);
    registry.delete(id);
    if (entry instanceof CancellationScope) entry.cancel();
  };

  /** Current details (no history cost) always; search attributes only when they change. */
  const publish = (): void => {
    const active = engine.activeElements(ir, state);
    setCurrentDetails(renderDetails(input, active, state));
    const waiting = waitingElementIds(ir, active, rules.listTimers);
    const hasIncident = Object.keys(state.incidents).length > 0;
    if (notifyEvents.has('incident.created')) {
      for (const [id, incident] of Object.entries(state.incidents)) {
        if (notifiedIncidents.has(id)) continue;
        notifiedIncidents.add(id);
        notify(`incident-${id}`, 'incident.created', { status: 'RUNNING', incident });
      }
    }
    const key = attributesKey(waiting, hasIncident);
    if (key !== published) {
      published = key;
      upsertSearchAttributes([
        { key: WaymarkActiveElements, value: waiting },
        { key: WaymarkIncident, value: hasIncident },
      ]);
    }
  };

  const view = (): InstanceView => ({
    status: state.status,
    variables: engine.rootVariables(state),
    activeElements: engine.activeElements(ir, state),
    incidents: Object.values(state.incidents),
    userTasks: engine.openUserTasks(state),
    trail: state.trail,
    trailDropped: state.trailDropped,
    result: state.result,
    generation,
  });

  // Start or resume: the engine state is built synchronously, before any handler can run.
  let state: EngineState;
  if (input.resume) {
    state = input.resume;
    for (const cmd of input.deferred ?? []) execute(cmd);
    for (const timer of Object.values(state.timers)) {
      execute({
        type: 'startTimer',
        timerId: timer.id,
        elementId: timer.elementId,
        dueAt: timer.dueAt,
      });
    }
    publish();
  } else {
    const started = engine.startInstance(ir, {
      instanceId: info.workflowId,
      variables: input.variables,
      now: now(),
    });
    state = started.state;
    run(started.commands);
  }

  setHandler(instanceQuery, view, {
    description:
      'The instance: status, variables, active elements, open user tasks, incidents, trail',
  });
  setHandler(messageSignal, (m) => dispatch({ type: 'messageReceived', ...m, now: now() }), {
    description:
      'Deliver a message {name, messageId?, correlationKey?, variables?} to a waiting catch (buffered otherwise)',
  });
  setHandler(
    completeUserTaskUpdate,
    (task) => {
      dispatch({
        type: 'userTaskCompleted',
        feiId: task.flowElementInstanceId,
        variables: task.variables,
        now: now(),
      });
      return { completed: task.flowElementInstanceId };
    },
    {
      description: 'Complete an open user task {flowElementInstanceId, variables?}',
      validator: (task) => {
        const status = engine.userTaskStatus(state, task.flowElementInstanceId);
        if (status === 'unknown') {
          throw ApplicationFailure.create({
            type: 'UserTaskNotFound',
            message: `no user task ${task.flowElementInstanceId} in this instance`,
          });
        }
        if (status === 'completed') {
          throw ApplicationFailure.create({
            type: 'UserTaskCompleted',
            message: `user task ${task.flowElementInstanceId} is already completed`,
          });
        }
      },
    },
  );
  setHandler(
    retryIncidentUpdate,
    ({ incidentId }) => {
      dispatch({ type: 'incidentRetried', incidentId, now: now() });
      return { retried: incidentId };
    },
    {
      description: 'Resolve an incident by retrying its element {incidentId}',
      validator: ({ incidentId }) => {
        if (!state.incidents[incidentId]) {
          throw ApplicationFailure.create({
            type: 'IncidentNotFound',
            message: `no open incident ${incidentId} in this instance`,
          });
        }
      },
    },
  );

  registerCallbackHandlers(() => state, dispatch, now);

  const historyLimit = input.limits?.historyEvents;
  const shouldContinueAsNew = (): boolean => {
    const i = workflowInfo();
    return (
      i.continueAsNewSuggested || (historyLimit !== undefined && i.historyLength >= historyLimit)
    );
  };

  /** With `failOnIncident` (a state-machine action), the first incident fails the workflow. */
  const incidentFailure = (): string | undefined =>
    input.failOnIncident ? Object.values(state.incidents)[0]?.message : undefined;

  try {
    await condition(
      () => state.status !== 'RUNNING' || shouldContinueAsNew() || incidentFailure() !== undefined,
    );
    if (state.status === 'RUNNING' && incidentFailure() === undefined) {
      draining = true;
      await condition(
        () => state.status !== 'RUNNING' || (work.size === 0 && allHandlersFinished()),
      );
      if (state.status === 'RUNNING') {
        if (notifying.length > 0) await Promise.all(notifying);
        for (const id of [...timers.keys()]) cancel(timers, id);
        await continueAsNew<(i: ProcessWorkflowInput) => Promise<Variables>>({
          ...input,
          resume: state,
          deferred,
          generation: generation + 1,
          publishedAtStart: true,
        });
      }
    }
  } catch (err) {
    if (isCancellation(err)) {
      // Record the cancellation in the engine, outside the cancelled scope, then end CANCELED.
      await CancellationScope.nonCancellable(async () => {
        dispatch({ type: 'cancelRequested', now: now() });
        for (const id of [...work.keys()]) cancel(work, id);
        for (const id of [...timers.keys()]) cancel(timers, id);
      });
    }
    throw err;
  }

  const incident = state.status === 'RUNNING' ? incidentFailure() : undefined;
  if (incident !== undefined) {
    for (const id of [...work.keys()]) cancel(work, id);
    for (const id of [...timers.keys()]) cancel(timers, id);
    throw ApplicationFailure.nonRetryable(incident, 'Incident');
  }
  await condition(allHandlersFinished);
  if (state.status === 'FAILED') {
    notify('run.failed', 'run.failed', {
      status: 'FAILED',
      error: `process ${input.definition.key} failed`,
    });
    if (notifying.length > 0) await Promise.all(notifying);
    throw ApplicationFailure.nonRetryable(
      `process ${input.definition.key} failed`,
      'ProcessFailed',
    );
  }
  const result = state.result ?? engine.rootVariables(state);
  notify('run.completed', 'run.completed', { status: 'COMPLETED', result });
  if (notifying.length > 0) await Promise.all(notifying);
  return result;
}
