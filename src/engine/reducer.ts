/**
 * The engine's entry points, a deterministic step function: `startInstance` builds the
 * initial state and runs to the first waits; `step` applies one event to the state it is
 * given, updating it in place, and runs until nothing more can move. Both return the state
 * and the commands for the driver. `step` does not copy (for speed on long histories): copy
 * the state first if the previous one must be kept. Events for element instances that no longer
 * wait (a late completion after a boundary interrupted the task) are ignored.
 */
import type { ProcessIR } from '../model/bpmn/ir';
import { recordCallback } from './callback-waits';
import { cancelInstance } from './cancel';
import type { ElementEvent } from './elements/behaviour';
import { throwEscalation } from './escalation';
import { deliverMessage, fireTimer } from './events';
import { receiveSignal } from './signals';
import type { RunContext } from './run-context';
import { Run, type StepOptions } from './runtime';
import { updateUserTask } from './user-task-fields';
import { mergeRootVariables } from './variables';
import type { EngineCommand, EngineEvent, EngineState, EpochMs, Variables } from './types';

export interface StepResult {
  state: EngineState;
  commands: EngineCommand[];
}

/** Creates an instance and runs it from its start event (the none start, or `startAt`) to its first waits. */
export function startInstance(
  ir: ProcessIR,
  init: { instanceId: string; variables: Variables; now: EpochMs; startAt?: string },
  options?: StepOptions,
): StepResult {
  const rootScopeId = `${init.instanceId}/root`;
  const state: EngineState = {
    instanceId: init.instanceId,
    status: 'RUNNING',
    rootScopeId,
    tokens: {},
    scopes: {
      [rootScopeId]: {
        id: rootScopeId,
        elementId: null,
        parentId: null,
        variables: { ...init.variables },
      },
    },
    joins: {},
    visits: {},
    seq: 0,
    timers: {},
    subscriptions: [],
    messages: [],
    seenMessageIds: [],
    userTasks: {},
    incidents: {},
    trail: [],
    trailDropped: 0,
    startedAt: {},
  };
  const run = new Run(ir, state, init.now, options);
  // An event-started instance begins at its trigger's start event (`startAt`), else the none start.
  run.spawn(rootScopeId, init.startAt ?? ir.startEventId);
  run.settle();
  return { state, commands: run.commands };
}

/**
 * Applies one event. Mutates and returns `state` (no copy, for speed on long histories).
 * A finished instance (COMPLETED, CANCELED, FAILED) ignores every event. `started` is a no-op:
 * use {@link startInstance}.
 */
export function step(
  ir: ProcessIR,
  state: EngineState,
  event: EngineEvent,
  options?: StepOptions,
): StepResult {
  if (state.status !== 'RUNNING') return { state, commands: [] };
  const run = new Run(ir, state, event.now, options);
  switch (event.type) {
    case 'started':
      return { state, commands: [] };
    case 'taskCompleted':
    case 'userTaskCompleted':
    case 'childCompleted':
      dispatch(run, event.feiId, { type: event.type, variables: event.variables ?? {} });
      break;
    case 'taskFailed':
      dispatch(run, event.feiId, {
        type: 'taskFailed',
        errorCode: event.errorCode,
        message: event.message,
      });
      break;
    case 'childFailed':
      dispatch(run, event.feiId, { type: 'childFailed', message: event.message });
      break;
    case 'userTaskUpdated':
      updateUserTask(state, event.feiId, event.changes);
      break;
    case 'timerFired':
      fireTimer(run, event.timerId);
      break;
    case 'messageReceived':
      deliverMessage(run, event);
      break;
    case 'signalReceived':
      receiveSignal(run, event);
      break;
    case 'callbackReceived':
      deliverCallback(run, event);
      break;
    case 'incidentRetried':
      run.retry(event.incidentId);
      break;
    case 'childEscalated':
      childEscalated(run, event.feiId, event.escalationCode);
      break;
    case 'variablesUpdated':
      // settle() below re-evaluates the condition subscriptions whose variables changed.
      mergeRootVariables(state, event.variables);
      break;
    case 'cancelRequested':
      cancelInstance(run);
      return { state, commands: run.commands };
    default: {
      const unknown: never = event;
      throw new Error(`unknown engine event ${JSON.stringify(unknown)}`);
    }
  }
  run.settle();
  return { state, commands: run.commands };
}

/**
 * Records the callback and tells its element instance. One whose request ended in an
 * incident (delivery failed) is resumed first: the service evidently had the request.
 */
function deliverCallback(
  run: RunContext,
  event: Extract<EngineEvent, { type: 'callbackReceived' }>,
): void {
  const { now: _now, type: _type, ...input } = event;
  if (!recordCallback(run.state, input)) return;
  const token = run.findToken(event.feiId);
  if (token?.status === 'incident' && !token.completing) {
    for (const id of Object.keys(run.state.incidents)) {
      if (run.state.incidents[id].flowElementInstanceId === token.feiId)
        delete run.state.incidents[id];
    }
    token.status = 'active';
  }
  dispatch(run, event.feiId, { type: 'callbackReceived' });
}

/** The call activity's child threw an escalation it did not catch: the call activity throws it. */
function childEscalated(run: RunContext, feiId: string, code: string): void {
  const token = run.findToken(feiId);
  if (!token || token.status !== 'active' || token.work !== 'child') return;
  throwEscalation(run, token, code);
}

function dispatch(run: RunContext, feiId: string, event: ElementEvent): void {
  const token = run.findToken(feiId);
  if (!token || token.status !== 'active') return;
  const el = run.element(token.elementId);
  run.behaviour(el).onEvent?.(run, token, el, event);
}
