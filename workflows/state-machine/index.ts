/**
 * The state-machine driver: runs the pure core (`src/engine/state-machine`) inside a Temporal
 * workflow. Triggers arrive as the `trigger` signal, MANUAL transitions as the
 * `fireTransition` update (validated against the current state first, answered once the state
 * has changed), enable/disable as the `setEnabled` signal. Timeouts and scheduled polls are
 * durable timers with summaries; actions are child workflows. Every state change upserts
 * `WaymarkState`; current details show the state. Continue-as-new at a quiescent point (no
 * action in flight) when Temporal suggests it: timers are re-armed from their stored due times.
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
import * as machine from '../../src/engine/state-machine';
import type {
  MachineCommand,
  MachineEvent,
  MachineOutcome,
  MachineState,
} from '../../src/engine/state-machine';
import { WaymarkIncident, WaymarkState } from '../../src/temporal/search-attributes';
import { startTimer } from '../lifecycle';
import {
  fireTransitionUpdate,
  instanceQuery,
  setEnabledSignal,
  triggerSignal,
  type InstanceView,
  type StateMachineResult,
  type StateMachineWorkflowInput,
} from '../messages';
import { runAction } from './action';

/** Runs one state-machine instance (or resumes it after continue-as-new). */
export async function runStateMachine(
  input: StateMachineWorkflowInput,
): Promise<StateMachineResult> {
  const { ir } = input;
  const info = workflowInfo();
  const generation = input.generation ?? 0;
  const timers = new Map<string, CancellationScope>();
  const actions = new Map<string, CancellationScope>();
  /** Outcomes of actions, by action id, for the update handler that waits for one. */
  const settled = new Map<string, MachineOutcome>();
  let published = '';
  const title = `${input.definition.name ?? input.definition.key} v${input.definition.version}${input.businessKey ? ` · ${input.businessKey}` : ''}`;

  const now = (): number => Date.now();

  const dispatch = (event: MachineEvent): MachineOutcome => {
    const step = machine.stepMachine(ir, state, event);
    run(step.commands);
    return step.outcome;
  };

  const run = (commands: MachineCommand[]): void => {
    for (const cmd of commands) execute(cmd);
    publish();
  };

  const execute = (cmd: MachineCommand): void => {
    switch (cmd.type) {
      case 'startTimer': {
        const scope = new CancellationScope();
        timers.set(cmd.timerId, scope);
        void startTimer(scope, cmd.dueAt - now(), cmd.summary).then(
          () => {
            if (timers.get(cmd.timerId) !== scope) return;
            timers.delete(cmd.timerId);
            dispatch({ type: 'timerFired', timerId: cmd.timerId, now: now() });
          },
          (err: unknown) => {
            if (!isCancellation(err)) throw err;
          },
        );
        return;
      }
      case 'cancelTimer': {
        const scope = timers.get(cmd.timerId);
        timers.delete(cmd.timerId);
        scope?.cancel();
        return;
      }
      case 'startAction': {
        const scope = new CancellationScope();
        actions.set(cmd.actionId, scope);
        void runAction(scope, cmd).then(
          (o) => {
            actions.delete(cmd.actionId);
            const outcome = dispatch(
              o.ok
                ? { type: 'actionCompleted', actionId: cmd.actionId, data: o.data, now: now() }
                : { type: 'actionFailed', actionId: cmd.actionId, message: o.message, now: now() },
            );
            settled.set(cmd.actionId, outcome);
          },
          (err: unknown) => {
            actions.delete(cmd.actionId);
            if (!isCancellation(err)) throw err;
          },
        );
        return;
      }
      case 'complete':
        return; // the main loop sees the status change
    }
  };

  /** Current details always (no history cost); search attributes only when they change. */
  const publish = (): void => {
    setCurrentDetails(machine.machineDetails(ir, state, title));
    const hasIncident = state.incidents.length > 0;
    const key = `${state.current}|${hasIncident}`;
    if (key !== published) {
      published = key;
      upsertSearchAttributes([
        { key: WaymarkState, value: state.current },
        { key: WaymarkIncident, value: hasIncident },
      ]);
    }
  };

  const view = (): InstanceView => ({
    status: state.status,
    variables: state.data,
    activeElements: machine.machineActiveElements(ir, state),
    incidents: machine.machineIncidents(state),
    userTasks: [],
    trail: machine.machineTrail(ir, state),
    trailDropped: state.trailDropped,
    ...(state.status === 'COMPLETED' ? { result: { state: state.current, data: state.data } } : {}),
    generation,
    state: state.current,
    enabled: state.enabled,
  });

  let state: MachineState;
  if (input.resume) {
    state = input.resume;
    for (const t of Object.values(state.timers))
      execute({
        type: 'startTimer',
        timerId: t.id,
        dueAt: t.dueAt,
        summary: `${t.kind} of ${t.state}`,
      });
    publish();
  } else {
    const started = machine.startMachine(ir, {
      instanceId: info.workflowId,
      data: input.variables,
      enabled: input.enabled,
      now: now(),
    });
    state = started.state;
    run(started.commands);
  }

  setHandler(instanceQuery, view, {
    description: 'The instance: state, data, incidents, trail of state changes',
  });
  setHandler(triggerSignal, (t) => void dispatch({ type: 'trigger', ...t, now: now() }), {
    description:
      'A trigger {trigger: ON_IMPORT|ON_EXPORT|ON_WEBHOOK|ON_EVENT, event?, data?, enabled?}',
  });
  setHandler(
    setEnabledSignal,
    ({ enabled }) => void dispatch({ type: 'enabledChanged', enabled, now: now() }),
    { description: 'The definition was enabled / disabled {enabled}' },
  );
  setHandler(
    fireTransitionUpdate,
    async ({ code, data }) => {
      const previousState = state.current;
      const outcome = dispatch({
        type: 'trigger',
        trigger: 'MANUAL',
        transition: code,
        data: data ?? {},
        now: now(),
      });
      let final = outcome;
      if (outcome.kind === 'actionStarted') {
        await condition(() => settled.has(outcome.actionId));
        final = settled.get(outcome.actionId) as MachineOutcome;
        settled.delete(outcome.actionId);
      }
      if (final.kind === 'fired')
        return {
          instanceId: info.workflowId,
          transition: code,
          previousState,
          state: final.toState,
        };
      throw ApplicationFailure.create({
        type: final.kind === 'actionFailed' ? 'ActionFailed' : 'TransitionNotFired',
        message:
          final.kind === 'actionFailed'
            ? `the action of transition '${code}' failed: ${final.message}; the state stays '${state.current}'`
            : final.kind === 'none'
              ? final.reason
              : `transition '${code}' did not fire`,
        nonRetryable: true,
      });
    },
    {
      description: 'Fire a MANUAL transition {code, data?}: answers with the new state',
      validator: ({ code, data }) => {
        const refusal = machine.manualRefusal(ir, state, code, data ?? {}, now());
        if (refusal)
          throw ApplicationFailure.create({ type: refusal.type, message: refusal.message });
      },
    },
  );

  const historyLimit = input.limits?.historyEvents;
  const shouldContinueAsNew = (): boolean => {
    const i = workflowInfo();
    return (
      i.continueAsNewSuggested || (historyLimit !== undefined && i.historyLength >= historyLimit)
    );
  };

  try {
    await condition(
      () =>
        state.status !== 'RUNNING' ||
        (shouldContinueAsNew() &&
          !state.pendingAction &&
          actions.size === 0 &&
          allHandlersFinished()),
    );
  } catch (err) {
    if (isCancellation(err)) {
      await CancellationScope.nonCancellable(async () => {
        for (const scope of [...actions.values(), ...timers.values()]) scope.cancel();
      });
    }
    throw err;
  }
  if (state.status === 'RUNNING') {
    for (const scope of timers.values()) scope.cancel();
    await continueAsNew<(i: StateMachineWorkflowInput) => Promise<StateMachineResult>>({
      ...input,
      resume: state,
      generation: generation + 1,
    });
  }
  await condition(allHandlersFinished);
  return { state: state.current, data: state.data };
}
