/**
 * The state-machine core: `startMachine` and `stepMachine(ir, state, event)`. A trigger
 * evaluates the enabled transitions of its type from the current state in definition order;
 * the first whose conditions hold fires. Entering a state arms its timeout and its scheduled
 * polls; leaving it cancels them. A transition with an action first runs the action (a child
 * workflow, via a `startAction` command) and changes state only when it succeeds; a failure
 * records an incident and leaves the state as it was. Like the BPMN engine's `step` it updates
 * `state` in place and returns it with the commands for the driver. Deterministic: no Temporal,
 * no I/O, no clock.
 */
import type { StateMachineIR, TransitionIR } from '../../model/state-machine/ir';
import { evaluateCondition } from '../feel';
import type { EpochMs, Variables } from '../types';
import type {
  FiredBy,
  MachineCommand,
  MachineEvent,
  MachineOutcome,
  MachineState,
  MachineStep,
  Refusal,
} from './types';

/** Trail entries kept in the state (older ones are counted in `trailDropped`). */
export const MACHINE_TRAIL_LIMIT = 1000;

const HOUR_MS = 3_600_000;

const iso = (ms: EpochMs): string => new Date(ms).toISOString();

interface Ctx {
  ir: StateMachineIR;
  state: MachineState;
  commands: MachineCommand[];
  now: EpochMs;
}

/** A new instance in the initial state (its timers armed). */
export function startMachine(
  ir: StateMachineIR,
  opts: { instanceId: string; data?: Variables; enabled?: boolean; now: EpochMs },
): MachineStep {
  const state: MachineState = {
    instanceId: opts.instanceId,
    status: 'RUNNING',
    current: ir.initialState,
    visits: 0,
    enteredAt: opts.now,
    data: { ...(opts.data ?? {}) },
    enabled: opts.enabled ?? ir.enabled,
    timers: {},
    pollCounts: {},
    overdue: [],
    incidents: [],
    trail: [],
    trailDropped: 0,
    seq: 0,
  };
  const ctx: Ctx = { ir, state, commands: [], now: opts.now };
  enter(ctx, ir.initialState, { transition: null, fromState: null, trigger: 'START' });
  return {
    state,
    commands: ctx.commands,
    outcome: { kind: 'none', reason: 'started' },
  };
}

/** Applies one event. */
export function stepMachine(
  ir: StateMachineIR,
  state: MachineState,
  event: MachineEvent,
): MachineStep {
  const ctx: Ctx = { ir, state, commands: [], now: event.now };
  const outcome = apply(ctx, event);
  return { state, commands: ctx.commands, outcome };
}

function apply(ctx: Ctx, event: MachineEvent): MachineOutcome {
  if (ctx.state.status !== 'RUNNING') return { kind: 'none', reason: 'the instance has completed' };
  switch (event.type) {
    case 'enabledChanged':
      return setEnabled(ctx, event.enabled);
    case 'trigger':
      return trigger(ctx, event);
    case 'timerFired':
      return timerFired(ctx, event.timerId);
    case 'actionCompleted':
    case 'actionFailed':
      return actionEnded(ctx, event);
  }
}

/** The first enabled transition of the trigger's type whose conditions hold fires. */
function trigger(ctx: Ctx, event: Extract<MachineEvent, { type: 'trigger' }>): MachineOutcome {
  const { state } = ctx;
  if (event.enabled !== undefined && event.enabled !== state.enabled)
    setEnabled(ctx, event.enabled);
  if (!state.enabled) return { kind: 'none', reason: 'the workflow is disabled' };
  if (state.pendingAction)
    return { kind: 'none', reason: `action of '${state.pendingAction.transition}' is running` };
  const data = event.data ?? {};
  const candidates = ctx.ir.transitions.filter(
    (t) =>
      t.fromState === state.current &&
      t.enabled &&
      t.triggerType === event.trigger &&
      (event.trigger !== 'ON_EVENT' || t.eventName === event.event) &&
      (event.transition === undefined || t.code === event.transition),
  );
  const reasons: string[] = [];
  for (const t of candidates) {
    const why = conditionsFail(ctx, t, event.trigger, event.event, data);
    if (why === undefined) return fire(ctx, t, event.trigger, event.event, data);
    reasons.push(why);
  }
  return {
    kind: 'none',
    reason:
      candidates.length === 0
        ? `no enabled ${event.trigger}${event.event ? ` '${event.event}'` : ''} transition from '${state.current}'`
        : reasons.join('; '),
  };
}

/** A transition's action ended: success changes state, failure records an incident. */
function actionEnded(
  ctx: Ctx,
  event: Extract<MachineEvent, { type: 'actionCompleted' | 'actionFailed' }>,
): MachineOutcome {
  const { state } = ctx;
  const pending = state.pendingAction;
  if (!pending || pending.id !== event.actionId)
    return { kind: 'none', reason: `no running action ${event.actionId}` };
  delete state.pendingAction;
  const t = transitionByCode(ctx.ir, pending.transition);
  if (event.type === 'actionFailed') {
    state.seq++;
    state.incidents.push({
      id: `${state.instanceId}/${t.code}/incident-${state.seq}`,
      transition: t.code,
      message: event.message,
      createdAt: iso(ctx.now),
    });
    flushOverdue(ctx);
    return { kind: 'actionFailed', transition: t.code, message: event.message };
  }
  state.data = { ...pending.data, ...event.data };
  // A successful run of the transition resolves the incidents it left before.
  state.incidents = state.incidents.filter((i) => i.transition !== t.code);
  const from = state.current;
  enter(ctx, t.toState, {
    transition: t.code,
    fromState: from,
    trigger: pending.trigger,
    event: pending.event,
    data: pending.triggerData,
    action: t.action?.workflow,
  });
  return { kind: 'fired', transition: t.code, fromState: from, toState: t.toState };
}

function setEnabled(ctx: Ctx, enabled: boolean): MachineOutcome {
  ctx.state.enabled = enabled;
  if (enabled) {
    const fired = flushOverdue(ctx);
    if (fired) return fired;
  }
  return { kind: 'none', reason: enabled ? 'enabled' : 'disabled' };
}

/** Fires a timeout that expired while it could not fire, now that it can. */
function flushOverdue(ctx: Ctx): MachineOutcome | undefined {
  const { state } = ctx;
  if (!state.enabled || state.pendingAction || state.overdue.length === 0) return undefined;
  const code = state.overdue.shift() as string;
  state.overdue = [];
  return fire(ctx, transitionByCode(ctx.ir, code), 'TIMEOUT', undefined, {});
}

function timerFired(ctx: Ctx, timerId: string): MachineOutcome {
  const { state, ir } = ctx;
  const timer = state.timers[timerId];
  if (!timer) return { kind: 'none', reason: `no timer ${timerId}` };
  delete state.timers[timerId];
  if (timer.kind === 'timeout') {
    const code = ir.states[timer.state]?.onTimeoutTransition;
    if (!code) return { kind: 'none', reason: `state '${timer.state}' has no timeout transition` };
    if (!state.enabled || state.pendingAction) {
      state.overdue.push(code);
      return { kind: 'none', reason: `timeout of '${timer.state}' is overdue` };
    }
    // The timeout transition fires as such: its trigger type and conditions are not consulted.
    return fire(ctx, transitionByCode(ir, code), 'TIMEOUT', undefined, {});
  }
  const t = transitionByCode(ir, timer.transition as string);
  if (state.enabled && !state.pendingAction && t.enabled) {
    state.pollCounts[t.code] = (state.pollCounts[t.code] ?? 0) + 1;
    const why = conditionsFail(ctx, t, 'ON_SCHEDULED_POLL', undefined, {});
    if (why === undefined) return fire(ctx, t, 'ON_SCHEDULED_POLL', undefined, {});
  }
  armPoll(ctx, t, timer.state);
  return { kind: 'none', reason: `poll '${t.code}': conditions do not hold` };
}

/** Why `t`'s conditions do not hold (undefined when they all do). */
function conditionsFail(
  ctx: Ctx,
  t: TransitionIR,
  trigger: FiredBy,
  event: string | undefined,
  triggerData: Variables,
): string | undefined {
  const { state } = ctx;
  const variables: Variables = {
    ...state.data,
    data: state.data,
    state: state.current,
    trigger: {
      type: trigger,
      event: event ?? null,
      data: triggerData,
      pollCount: state.pollCounts[t.code] ?? 0,
    },
  };
  for (const c of t.conditions) {
    const r = evaluateCondition(c, variables, { now: ctx.now });
    if (!r.ok) return `transition '${t.code}': ${r.error}`;
    if (!r.value) return `transition '${t.code}': condition "${c}" is not true`;
  }
  return undefined;
}

function fire(
  ctx: Ctx,
  t: TransitionIR,
  trigger: FiredBy,
  event: string | undefined,
  triggerData: Variables,
): MachineOutcome {
  const { state } = ctx;
  const data = { ...state.data, ...triggerData };
  if (t.action) {
    state.seq++;
    const id = `${state.instanceId}/${t.code}/${state.seq}`;
    state.pendingAction = {
      id,
      transition: t.code,
      trigger,
      ...(event !== undefined ? { event } : {}),
      triggerData,
      data,
      startedAt: ctx.now,
    };
    ctx.commands.push({
      type: 'startAction',
      actionId: id,
      workflow: t.action.workflow,
      transition: t.code,
      data,
    });
    return { kind: 'actionStarted', transition: t.code, actionId: id };
  }
  state.data = data;
  const from = state.current;
  enter(ctx, t.toState, {
    transition: t.code,
    fromState: from,
    trigger,
    event,
    data: triggerData,
  });
  return { kind: 'fired', transition: t.code, fromState: from, toState: t.toState };
}

function enter(
  ctx: Ctx,
  to: string,
  entry: {
    transition: string | null;
    fromState: string | null;
    trigger: FiredBy;
    event?: string;
    data?: Variables;
    action?: string;
  },
): void {
  const { state, ir } = ctx;
  for (const id of Object.keys(state.timers))
    ctx.commands.push({ type: 'cancelTimer', timerId: id });
  state.timers = {};
  state.pollCounts = {};
  state.overdue = [];
  state.current = to;
  state.visits++;
  state.enteredAt = ctx.now;
  state.trail.push({
    seq: state.trail.length + state.trailDropped + 1,
    transition: entry.transition,
    fromState: entry.fromState,
    toState: to,
    trigger: entry.trigger,
    ...(entry.event !== undefined ? { event: entry.event } : {}),
    ...(entry.data !== undefined && Object.keys(entry.data).length > 0 ? { data: entry.data } : {}),
    ...(entry.action !== undefined ? { action: entry.action } : {}),
    at: iso(ctx.now),
  });
  if (state.trail.length > MACHINE_TRAIL_LIMIT) {
    state.trail.shift();
    state.trailDropped++;
  }
  const target = ir.states[to];
  if (target.isFinal) {
    state.status = 'COMPLETED';
    ctx.commands.push({ type: 'complete', state: to, data: state.data });
    return;
  }
  if (target.timeoutHours !== undefined) {
    const id = `${to}/${state.visits}/timeout`;
    const dueAt = ctx.now + target.timeoutHours * HOUR_MS;
    state.timers[id] = { id, kind: 'timeout', state: to, dueAt };
    ctx.commands.push({ type: 'startTimer', timerId: id, dueAt, summary: `timeout of ${to}` });
  }
  for (const t of ir.transitions) {
    if (t.fromState === to && t.enabled && t.triggerType === 'ON_SCHEDULED_POLL')
      armPoll(ctx, t, to);
  }
}

function armPoll(ctx: Ctx, t: TransitionIR, stateCode: string): void {
  const { state } = ctx;
  const n = (state.pollCounts[t.code] ?? 0) + 1;
  const id = `${stateCode}/${state.visits}/poll/${t.code}/${n}`;
  const dueAt = ctx.now + (t.pollIntervalSeconds ?? 60) * 1000;
  state.timers[id] = { id, kind: 'poll', state: stateCode, transition: t.code, dueAt };
  ctx.commands.push({ type: 'startTimer', timerId: id, dueAt, summary: `poll ${t.code}` });
}

function transitionByCode(ir: StateMachineIR, code: string): TransitionIR {
  const t = ir.transitions.find((x) => x.code === code);
  if (!t) throw new Error(`state machine ${ir.code} has no transition '${code}'`);
  return t;
}

/** Why the MANUAL transition `code` cannot fire now, or undefined when it can. */
export function manualRefusal(
  ir: StateMachineIR,
  state: MachineState,
  code: string,
  data: Variables,
  now: EpochMs,
): Refusal | undefined {
  if (state.status !== 'RUNNING')
    return {
      type: 'InstanceCompleted',
      message: `the instance has completed in '${state.current}'`,
    };
  if (!state.enabled)
    return { type: 'DefinitionDisabled', message: `workflow '${ir.code}' is disabled` };
  const t = ir.transitions.find((x) => x.code === code);
  if (!t) return { type: 'TransitionNotFound', message: `no transition '${code}' in '${ir.code}'` };
  if (t.triggerType !== 'MANUAL')
    return {
      type: 'TransitionNotManual',
      message: `transition '${code}' is triggered ${t.triggerType}, not MANUAL`,
    };
  if (t.fromState !== state.current)
    return {
      type: 'TransitionNotAllowed',
      message: `transition '${code}' is not allowed from the current state '${state.current}' (it starts from '${t.fromState}')`,
    };
  if (!t.enabled)
    return { type: 'TransitionDisabled', message: `transition '${code}' is disabled` };
  if (state.pendingAction)
    return {
      type: 'ActionRunning',
      message: `the action of transition '${state.pendingAction.transition}' is running`,
    };
  const why = conditionsFail({ ir, state, commands: [], now }, t, 'MANUAL', undefined, data);
  if (why !== undefined)
    return { type: 'ConditionsFalse', message: `conditions are false: ${why}` };
  return undefined;
}
