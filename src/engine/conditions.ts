/**
 * Conditional events (BPMN 2.0 §10.5.1 "Conditional", Camunda 8.9 semantics): an intermediate
 * catch, a boundary event or an event subprocess start waits for its FEEL condition to become
 * true. A subscription remembers what it last saw of the variables it watches (visible from
 * its scope; only `variableNames` when the `zeebe:conditionalFilter` names some); after every
 * batch of arrivals in a step the engine re-evaluates each subscription whose watched
 * variables changed (filtered by `variableEvents`: create / update). It fires when the
 * condition becomes true — it held false (or had not been evaluated) before — so a
 * non-interrupting one fires again only after the condition was false in between.
 */
import type { ConditionDef } from '../model/bpmn/ir';
import { cancelToken } from './cancel';
import { eventSubProcessOfStart } from './event-subprocess-model';
import { evaluateCondition } from './feel';
import type { RunContext } from './run-context';
import type { ConditionSubscription, EngineState, Variables } from './types';
import { visibleVariables } from './variables';

/** Where a condition subscription lives: its event, owner and the scope it reads. */
export type ConditionTarget = Pick<ConditionSubscription, 'elementId' | 'feiId' | 'scopeId'>;

function conditionOf(run: RunContext, elementId: string): ConditionDef | undefined {
  const el = run.ir.elements[elementId];
  if (el?.type === 'intermediateCatchEvent' || el?.type === 'boundaryEvent') return el.condition;
  const esp = eventSubProcessOfStart(run.ir, elementId);
  return esp?.trigger.kind === 'conditional' ? esp.trigger.condition : undefined;
}

function watched(def: ConditionDef, variables: Variables): Record<string, string> {
  const names = def.variableNames ?? Object.keys(variables);
  const seen: Record<string, string> = {};
  for (const name of names) {
    if (name in variables) seen[name] = JSON.stringify(variables[name]) ?? 'null';
  }
  return seen;
}

function holds(run: RunContext, def: ConditionDef, variables: Variables): boolean {
  const r = evaluateCondition(def.expression, variables, { now: run.now });
  return r.ok && r.value === true;
}

/**
 * Opens a subscription; with `evaluateNow` (activation of a catch event or boundary host)
 * the condition is evaluated at once and true is returned, without subscribing, when it holds.
 */
export function watchCondition(
  run: RunContext,
  target: ConditionTarget,
  evaluateNow: boolean,
): boolean {
  const def = conditionOf(run, target.elementId);
  if (!def) return false;
  const variables = visibleVariables(run.state, target.scopeId);
  const held = evaluateNow && holds(run, def, variables);
  if (held) return true;
  (run.state.conditions ??= []).push({ ...target, held: false, seen: watched(def, variables) });
  return false;
}

/** Evaluates an open subscription now (scope activation); true when its condition holds. */
export function conditionHoldsNow(run: RunContext, sub: ConditionSubscription): boolean {
  const def = conditionOf(run, sub.elementId);
  if (!def) return false;
  const variables = visibleVariables(run.state, sub.scopeId);
  sub.seen = watched(def, variables);
  sub.held = holds(run, def, variables);
  return sub.held;
}

/** Removes the condition subscriptions owned by `feiId` (all, or those `which` selects). */
export function dropConditions(
  state: EngineState,
  feiId: string,
  which: (s: ConditionSubscription) => boolean = () => true,
): void {
  if (!state.conditions?.some((s) => s.feiId === feiId)) return;
  state.conditions = state.conditions.filter((s) => s.feiId !== feiId || !which(s));
}

function changed(
  def: ConditionDef,
  before: Record<string, string>,
  now: Record<string, string>,
): boolean {
  const events = def.variableEvents ?? ['create', 'update'];
  for (const name of Object.keys(now)) {
    const was = before[name];
    if (was === undefined) {
      if (events.includes('create')) return true;
    } else if (was !== now[name] && events.includes('update')) return true;
  }
  return false;
}

/** Re-evaluates the subscriptions whose watched variables changed; true when one fired. */
export function checkConditions(run: RunContext): boolean {
  let fired = false;
  for (const sub of [...(run.state.conditions ?? [])]) {
    if (!run.state.conditions?.includes(sub)) continue;
    const def = conditionOf(run, sub.elementId);
    if (!def || !run.state.scopes[sub.scopeId]) continue;
    const variables = visibleVariables(run.state, sub.scopeId);
    const seen = watched(def, variables);
    if (!changed(def, sub.seen, seen)) continue;
    sub.seen = seen;
    const now = holds(run, def, variables);
    const becameTrue = now && !sub.held;
    sub.held = now;
    if (becameTrue) {
      fire(run, sub);
      fired = true;
    }
  }
  return fired;
}

function fire(run: RunContext, sub: ConditionSubscription): void {
  const esp = eventSubProcessOfStart(run.ir, sub.elementId);
  if (esp) {
    run.triggerEventSubprocess(sub.feiId, esp, {});
    return;
  }
  const owner = run.findToken(sub.feiId);
  const el = run.ir.elements[sub.elementId];
  if (!owner || owner.status !== 'active' || !el) return;
  if (el.type === 'boundaryEvent') {
    if (el.cancelActivity) cancelToken(run, owner);
    run.spawn(owner.scopeId, el.id, {});
    return;
  }
  dropConditions(run.state, owner.feiId);
  run.complete(owner);
}
