/**
 * Multi-instance and standard loop activities (BPMN 2.0 §10.3.8 "Loop Characteristics",
 * §13.2.2 "Loop Activity", §13.2.3 "Multiple Instances Activity"; Camunda 8
 * `zeebe:loopCharacteristics`). An activity with loop characteristics is entered as a *body*:
 * a token at the activity (feiId `<instanceId>/<elementId>~body/<n>`) owning a scope with the
 * `numberOfInstances`, `numberOfActiveInstances`, `numberOfCompletedInstances` and
 * `numberOfTerminatedInstances` variables (multi-instance only). The body carries the boundary
 * events, and runs *inner instances* of the activity inside its scope: ordinary element
 * instances (feiId `<instanceId>/<elementId>/<n>`) with a local scope holding `loopCounter`
 * (1-based), the `inputElement` and, when `outputElement` is a plain name, that name set to
 * null (as Zeebe does, so a result of that name stays local). An inner instance takes no
 * outgoing flow: when it completes, its `outputElement` goes into the output collection and the
 * completion condition (multi-instance) or loop condition (standard loop) decides what follows.
 * The body completes, writing the output collection to the enclosing scope and taking the
 * outgoing flows, once its scope is empty (the engine notices, as for a subprocess).
 *
 * A parallel multi-instance runs at most {@link PARALLEL_WINDOW} inner instances at a time and
 * starts the next as one completes, in loopCounter order, so that a workflow never holds more
 * work in flight than Temporal allows and continue-as-new finds a moment to hand over. The
 * counters do not show the window: an instance not yet started counts as active, as in Zeebe,
 * which creates all of them at once.
 */
import type { ElementIR, LoopIR, MultiInstanceIR } from '../model/bpmn/ir';
import type { BehaviorThrowIR } from '../model/bpmn/ir-loop';
import { cancelScopeContents } from './cancel';
import { armBoundaries } from './events';
import { evaluateCondition, evaluateFeel } from './feel';
import { behaviorThrows } from './loop-events';
import type { RunContext } from './run-context';
import type { LoopBody, Token, Variables } from './types';
import { visibleVariables, writeVariable } from './variables';

/** Inner instances of one parallel multi-instance body in flight at most. */
export const PARALLEL_WINDOW = 100;

/** The visit-counter key (and feiId element part) of a body: never an element id (NCName). */
export function bodyKey(elementId: string): string {
  return `${elementId}~body`;
}

/** The trail and active-element type of a body token: the loop characteristics' BPMN type. */
export function bodyType(el: ElementIR): string {
  return el.loop?.kind === 'standardLoop'
    ? 'bpmn:StandardLoopCharacteristics'
    : 'bpmn:MultiInstanceLoopCharacteristics';
}

function loopOf(el: ElementIR): LoopIR {
  if (!el.loop) throw new Error(`element '${el.id}' has no loop characteristics`);
  return el.loop;
}

/** The body token was created: its scope, its boundary events, then the first inner instances. */
export function startLoopBody(run: RunContext, body: Token, el: ElementIR): void {
  body.loop ??= { total: 0, started: 0, completed: 0, terminated: 0 };
  run.state.scopes[body.feiId] ??= {
    id: body.feiId,
    elementId: el.id,
    parentId: body.scopeId,
    variables: {},
  };
  if (el.boundaryEvents.length > 0) armBoundaries(run, body, el);
  if (run.state.tokens[body.id] !== body || body.status !== 'active') return;
  const loop = loopOf(el);
  if (loop.kind === 'multiInstance') beginMultiInstance(run, body, el, loop);
  else beginStandardLoop(run, body, el);
}

function beginMultiInstance(
  run: RunContext,
  body: Token,
  el: ElementIR,
  mi: MultiInstanceIR,
): void {
  const state = body.loop as LoopBody;
  const context = visibleVariables(run.state, body.scopeId);
  let total: number;
  if (mi.inputCollection !== undefined) {
    const r = evaluateFeel(mi.inputCollection, context, { now: run.now });
    if (!r.ok || !Array.isArray(r.value)) {
      const why = r.ok ? `evaluated to ${JSON.stringify(r.value)}, not a list` : r.error;
      return run.incident(body, 'expression', `element '${el.id}': inputCollection ${why}`);
    }
    state.items = r.value;
    total = r.value.length;
  } else {
    const r = evaluateFeel(mi.loopCardinality ?? '0', context, { now: run.now });
    if (!r.ok || typeof r.value !== 'number' || !Number.isInteger(r.value) || r.value < 0) {
      const why = r.ok
        ? `evaluated to ${JSON.stringify(r.value)}, not a whole number ≥ 0`
        : r.error;
      return run.incident(body, 'expression', `element '${el.id}': loopCardinality ${why}`);
    }
    total = r.value;
  }
  state.total = total;
  if (mi.outputCollection !== undefined) state.outputs = new Array<unknown>(total).fill(null);
  if (total === 0) {
    publishCounters(run, body, mi);
    return run.complete(body);
  }
  startMore(run, body, mi);
  publishCounters(run, body, mi);
}

function beginStandardLoop(run: RunContext, body: Token, el: ElementIR): void {
  const loop = loopOf(el);
  if (loop.kind !== 'standardLoop') return;
  const state = body.loop as LoopBody;
  state.total = loop.loopMaximum ?? -1;
  if (loop.testBefore && loop.loopCondition !== undefined) {
    const r = evaluateCondition(loop.loopCondition, run.variables(body), { now: run.now });
    if (!r.ok)
      return run.incident(body, 'expression', `element '${el.id}': loopCondition ${r.error}`);
    if (!r.value) return run.complete(body);
  }
  state.started = 1;
  run.spawnInner(body.feiId, el.id, 1);
}

/** Queues inner instances: the next one (sequential) or up to the window (parallel). */
function startMore(run: RunContext, body: Token, mi: MultiInstanceIR): void {
  const state = body.loop as LoopBody;
  const limit = mi.sequential ? 1 : PARALLEL_WINDOW;
  let running = state.started - state.completed - state.terminated;
  while (!state.done && state.started < state.total && running < limit) {
    state.started += 1;
    running += 1;
    run.spawnInner(body.feiId, body.elementId, state.started);
  }
}

/** The local variables of inner instance `counter`: loopCounter, inputElement, outputElement. */
export function innerLocals(body: Token, el: ElementIR, counter: number): Variables {
  const locals: Variables = { loopCounter: counter };
  const loop = el.loop;
  if (loop?.kind !== 'multiInstance') return locals;
  if (loop.inputElement !== undefined)
    locals[loop.inputElement] = body.loop?.items?.[counter - 1] ?? null;
  const out = loop.outputElement;
  if (out !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(out) && !(out in locals))
    if (!['null', 'true', 'false'].includes(out)) locals[out] = null;
  return locals;
}

/** The body of an inner instance (the token owning its scope), if it still runs. */
export function bodyOf(run: RunContext, inner: Token): Token | undefined {
  const body = run.findToken(inner.scopeId);
  return body?.loop ? body : undefined;
}

export type InnerResult = { ok: true; throws?: BehaviorThrowIR[] } | { ok: false; error: string };

/**
 * An inner instance completes (its outputs applied, its local scope still there): collects its
 * output element and decides, by the completion or loop condition, whether the body goes on,
 * and which behaviour events the body throws (`loop-events.ts`). Nothing changes when an
 * expression fails (the completion parks in an incident and is re-run).
 */
export function finishInner(run: RunContext, inner: Token, el: ElementIR): InnerResult {
  const body = bodyOf(run, inner);
  if (!body?.loop || inner.loopCounter === undefined) return { ok: true };
  const loop = loopOf(el);
  const context = run.variables(inner);
  if (loop.kind === 'standardLoop') return finishIteration(run, body, el, context);
  const state = body.loop;
  const { outputs } = state;
  const slot = inner.loopCounter - 1;
  let output: unknown = null;
  if (loop.outputElement !== undefined && outputs) {
    const r = evaluateFeel(loop.outputElement, context, { now: run.now });
    if (!r.ok) return { ok: false, error: `element '${el.id}': outputElement ${r.error}` };
    output = r.value;
  }
  const completed = state.completed + 1;
  const vars = { ...context, ...countersOf({ ...state, completed }, loop) };
  if (loop.outputCollection !== undefined && outputs) {
    const collected = outputs.slice();
    collected[slot] = output;
    vars[loop.outputCollection] = collected;
  }
  let done = false;
  if (loop.completionCondition !== undefined) {
    const r = evaluateCondition(loop.completionCondition, vars, { now: run.now });
    if (!r.ok) return { ok: false, error: `element '${el.id}': completionCondition ${r.error}` };
    done = r.value;
  }
  const thrown = behaviorThrows(el.id, loop, completed, vars, run.now);
  if (!thrown.ok) return thrown;
  if (outputs) outputs[slot] = output;
  state.completed = completed;
  if (done) {
    state.done = true;
    state.terminated = state.total - completed;
  }
  publishCounters(run, body, loop);
  return { ok: true, throws: thrown.throws };
}

function finishIteration(
  run: RunContext,
  body: Token,
  el: ElementIR,
  context: Variables,
): InnerResult {
  const loop = loopOf(el);
  const state = body.loop as LoopBody;
  if (loop.kind !== 'standardLoop') return { ok: true };
  let again = true;
  if (loop.loopCondition !== undefined) {
    const r = evaluateCondition(loop.loopCondition, context, { now: run.now });
    if (!r.ok) return { ok: false, error: `element '${el.id}': loopCondition ${r.error}` };
    again = r.value;
  }
  state.completed += 1;
  if (!again || (state.total >= 0 && state.completed >= state.total)) state.done = true;
  return { ok: true };
}

/** After an inner instance left: cancel the rest when done, else start the next ones. */
export function advanceLoop(run: RunContext, inner: Token): void {
  const body = bodyOf(run, inner);
  if (!body?.loop || body.status !== 'active') return;
  const el = run.element(body.elementId);
  const loop = loopOf(el);
  if (body.loop.done) {
    cancelScopeContents(run, body.feiId);
    return;
  }
  if (loop.kind === 'multiInstance') {
    startMore(run, body, loop);
    publishCounters(run, body, loop);
  } else {
    body.loop.started += 1;
    run.spawnInner(body.feiId, el.id, body.loop.started);
  }
}

/** Whether a queued inner instance may still start (its body runs and is not done). */
export function mayStartInner(body: Token | undefined): body is Token {
  return body?.loop !== undefined && !body.loop.done && body.status === 'active';
}

/** The body completes: the output collection is written to the enclosing scope. */
export function writeLoopOutputs(run: RunContext, body: Token, el: ElementIR): void {
  const loop = el.loop;
  if (loop?.kind !== 'multiInstance' || loop.outputCollection === undefined) return;
  const outputs = body.loop?.outputs ?? [];
  writeVariable(run.state, body.scopeId, loop.outputCollection, outputs.slice());
}

function countersOf(state: LoopBody, mi: MultiInstanceIR): Variables {
  const finished = state.completed + state.terminated;
  const active = mi.sequential
    ? Math.max(0, state.started - finished)
    : Math.max(0, state.total - finished);
  return {
    numberOfInstances: state.total,
    numberOfActiveInstances: active,
    numberOfCompletedInstances: state.completed,
    numberOfTerminatedInstances: state.terminated,
  };
}

function publishCounters(run: RunContext, body: Token, mi: MultiInstanceIR): void {
  const scope = run.state.scopes[body.feiId];
  if (scope && body.loop) Object.assign(scope.variables, countersOf(body.loop, mi));
}
