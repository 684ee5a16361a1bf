/**
 * The engine's working core for one step: owns tokens, scopes, the arrival queue, element
 * completion (outputs, trail, outgoing flows), incidents and scope/process completion. It is
 * the `EngineContext` the element behaviours act through and the `RunContext` the sibling
 * modules (joins, boundary/timer/message bookkeeping, error routing, cancellation) operate on;
 * they know it only by that interface, so none of them imports this file.
 *
 * Arrivals are processed first-in first-out, so parallel branches advance breadth-first and
 * the trail order is deterministic. Inclusive joins and subprocess/process completion are
 * decided only when the queue is empty, so a token still in transit is never missed.
 */
import type { ElementIR, ProcessIR } from '../model/bpmn/ir';
import type { BehaviorThrowIR } from '../model/bpmn/ir-loop';
import { checkConditions } from './conditions';
import { adHocInnerCompleted } from './elements/ad-hoc-sub-process';
import { recordCompletion } from './compensation';
import { complexArrival, resetReadyComplex } from './complex-join';
import { EngineError } from './errors';
import { armBoundaries, disarm } from './events';
import type { CompleteOptions, ElementBehaviour } from './elements/behaviour';
import { behaviours } from './elements/registry';
import { closeEventSubprocesses } from './event-subprocesses';
import { selectFlows } from './flows';
import { fireReadyJoins, recordJoin } from './joins';
import {
  advanceLoop,
  bodyKey,
  finishInner,
  innerLocals,
  mayStartInner,
  startLoopBody,
  writeLoopOutputs,
} from './loop-body';
import { throwFromBody } from './loop-events';
import { applyOutputs } from './outputs';
import type { RunContext } from './run-context';
import { RunDelegations } from './run-delegations';
import { deliverSignal } from './signals';
import { indexToken, lookupToken, scopeHasToken, unindexToken } from './token-index';
import type { EngineCommand, EngineState, EpochMs, Incident, Token, Variables } from './types';
import { evaluateMappings, visibleVariables } from './variables';

/** The most element entries one step may perform before the runaway guard trips. */
export const MAX_ENTRIES_PER_STEP = 1_000_000;
export { TRAIL_LIMIT } from './run-delegations';

export interface StepOptions {
  /** Runaway guard (default {@link MAX_ENTRIES_PER_STEP}). */
  maxEntriesPerStep?: number;
}

interface Arrival {
  scopeId: string;
  elementId: string;
  flowId?: string;
  trigger?: Variables;
  /** An inner instance of the loop body whose scope is `scopeId`. */
  loopCounter?: number;
}

export class Run extends RunDelegations implements RunContext {
  readonly commands: EngineCommand[] = [];
  /** Scopes that lost a token this step: checked for completion once the queue is empty. */
  readonly pendingScopes = new Set<string>();
  private queue: Arrival[] = [];
  private entries = 0;
  private readonly maxEntries: number;

  constructor(
    readonly ir: ProcessIR,
    readonly state: EngineState,
    readonly now: EpochMs,
    options: StepOptions = {},
  ) {
    super();
    this.maxEntries = options.maxEntriesPerStep ?? MAX_ENTRIES_PER_STEP;
  }

  emit(command: EngineCommand): void {
    this.commands.push(command);
  }

  nextId(prefix: string): string {
    this.state.seq += 1;
    return `${prefix}${this.state.seq}`;
  }

  iso(ms: EpochMs = this.now): string {
    return new Date(ms).toISOString();
  }

  element(id: string): ElementIR {
    const el = this.ir.elements[id];
    if (!el) throw new EngineError(`unknown element '${id}'`, id);
    return el;
  }

  behaviour(el: ElementIR): ElementBehaviour {
    const b = (behaviours as Partial<Record<string, ElementBehaviour>>)[el.type];
    if (!b)
      throw new EngineError(`element '${el.id}': unsupported element type '${el.type}'`, el.id);
    return b;
  }

  findToken(feiId: string): Token | undefined {
    return lookupToken(this.state, feiId);
  }

  /** The scope holding the element instance's own variables: its local scope if any. */
  localScopeId(token: Token): string {
    return this.state.scopes[token.feiId] ? token.feiId : token.scopeId;
  }

  variables(token: Token): Variables {
    return visibleVariables(this.state, this.localScopeId(token));
  }

  spawn(scopeId: string, elementId: string, trigger?: Variables): void {
    this.queue.push({ scopeId, elementId, trigger });
  }

  /** Processes arrivals, inclusive joins and scope completions until nothing moves. */
  settle(): void {
    for (;;) {
      for (let i = 0; i < this.queue.length; i++) this.enterArrival(this.queue[i]);
      this.queue = [];
      if (this.state.status !== 'RUNNING') return;
      if (this.state.conditions?.length && checkConditions(this)) continue;
      if (fireReadyJoins(this) || resetReadyComplex(this)) continue;
      if (this.completeScopes()) continue;
      return;
    }
  }

  spawnInner(bodyScopeId: string, elementId: string, loopCounter: number): void {
    this.queue.push({ scopeId: bodyScopeId, elementId, loopCounter });
  }

  private enterArrival(a: Arrival): void {
    const scope = this.state.scopes[a.scopeId];
    // A scope cancelled, or interrupted by an event subprocess, while the token was in transit.
    if (!scope || (scope.interruptedBy !== undefined && scope.interruptedBy !== a.elementId))
      return;
    const el = this.element(a.elementId);
    if (a.loopCounter !== undefined) return this.activateInner(a.scopeId, el, a.loopCounter);
    const b = this.behaviour(el);
    if (b.join && el.incoming.length > 1 && a.flowId !== undefined) {
      const fires =
        recordJoin(this, a.scopeId, el, a.flowId, b.join) ||
        (el.type === 'complexGateway' && complexArrival(this, a.scopeId, el));
      if (!fires) return;
    }
    this.activate(a.scopeId, el, a.flowId, a.trigger);
  }

  /** Creates the element instance's token and runs inputs, boundary arming and `enter`. */
  activate(scopeId: string, el: ElementIR, arrivedBy?: string, trigger?: Variables): void {
    const b = this.behaviour(el);
    const token = this.createToken(scopeId, el, arrivedBy, el.loop ? bodyKey(el.id) : el.id);
    if (!this.withinGuard(token, el)) return;
    if (el.loop) return startLoopBody(this, token, el);
    if (!this.applyInputs(token, el, b)) return;
    if (el.boundaryEvents.length > 0) armBoundaries(this, token, el);
    if (this.isLive(token)) b.enter(this, token, el, trigger);
  }

  /** An inner instance of a loop body: its loop locals, inputs and `enter` (no boundaries). */
  private activateInner(bodyScopeId: string, el: ElementIR, loopCounter: number): void {
    const body = this.findToken(bodyScopeId);
    if (!mayStartInner(body)) return;
    const b = this.behaviour(el);
    const token = this.createToken(bodyScopeId, el);
    token.loopCounter = loopCounter;
    if (!this.withinGuard(token, el)) return;
    if (!this.applyInputs(token, el, b, innerLocals(body, el, loopCounter))) return;
    if (this.isLive(token)) b.enter(this, token, el);
  }

  /** Counts an element entry; past the runaway guard, parks the token in an incident. */
  private withinGuard(token: Token, el: ElementIR): boolean {
    this.entries += 1;
    if (this.entries <= this.maxEntries) return true;
    this.incident(
      token,
      'error',
      `runaway guard: more than ${this.maxEntries} element entries in one step (at element '${el.id}')`,
    );
    return false;
  }

  /** Re-runs the element instance behind a retried incident (same feiId). */
  retry(incidentId: string): void {
    const incident = this.state.incidents[incidentId];
    if (!incident) return;
    delete this.state.incidents[incidentId];
    const token = this.findToken(incident.flowElementInstanceId);
    if (!token) return;
    token.status = 'active';
    if (token.completing) {
      const { variables, propagateAll } = token.completing;
      delete token.completing;
      this.complete(token, { variables, propagateAll });
      return;
    }
    const el = this.element(token.elementId);
    if (token.loop) return startLoopBody(this, token, el);
    const b = this.behaviour(el);
    const body = token.loopCounter !== undefined ? this.findToken(token.scopeId) : undefined;
    const locals = body && innerLocals(body, el, token.loopCounter as number);
    if (!this.applyInputs(token, el, b, locals)) return;
    if (el.boundaryEvents.length > 0 && !body) armBoundaries(this, token, el);
    if (this.isLive(token)) (b.onRetry ?? b.enter)(this, token, el);
  }

  private isLive(token: Token): boolean {
    return this.state.tokens[token.id] === token && token.status === 'active';
  }

  private createToken(scopeId: string, el: ElementIR, arrivedBy?: string, key = el.id): Token {
    const n = (this.state.visits[key] ?? 0) + 1;
    this.state.visits[key] = n;
    const token: Token = {
      id: this.nextId('t'),
      elementId: el.id,
      scopeId,
      feiId: `${this.state.instanceId}/${key}/${n}`,
      status: 'active',
      since: this.now,
    };
    if (arrivedBy !== undefined) token.arrivedBy = arrivedBy;
    this.state.tokens[token.id] = token;
    indexToken(this.state, token);
    this.state.startedAt[token.feiId] = this.now;
    return token;
  }

  /**
   * Creates the local scope (inputs; always for scope owners and loop inner instances, whose
   * `locals` the inputs see and may override) unless it exists.
   */
  private applyInputs(
    token: Token,
    el: ElementIR,
    b: ElementBehaviour,
    locals?: Variables,
  ): boolean {
    if (!(b.ownsScope || el.inputs.length > 0 || locals) || this.state.scopes[token.feiId])
      return true;
    const visible = visibleVariables(this.state, token.scopeId);
    const r = evaluateMappings(el.inputs, locals ? { ...visible, ...locals } : visible, this.now);
    if (!r.ok) {
      this.incident(token, 'expression', `element '${el.id}': input ${r.error}`);
      return false;
    }
    this.state.scopes[token.feiId] = {
      id: token.feiId,
      elementId: el.id,
      parentId: token.scopeId,
      variables: locals ? { ...locals, ...r.values } : r.values,
    };
    return true;
  }

  /** Outputs, trail entry, flows; a loop body and its inner instances: see loop-body.ts. */
  complete(token: Token, options: CompleteOptions = {}): void {
    const el = this.element(token.elementId);
    const parked = { variables: options.variables ?? {}, propagateAll: options.propagateAll };
    if (token.loop) writeLoopOutputs(this, token, el);
    else {
      const local = this.localScopeId(token);
      const error = applyOutputs(this.state, token, local, el, options, this.now);
      if (error !== undefined) return this.park(token, parked, error);
    }
    const inner = token.loopCounter !== undefined;
    let flows = options.flows;
    let throws: BehaviorThrowIR[] | undefined;
    if (inner) {
      const r = finishInner(this, token, el);
      if (!r.ok) return this.park(token, parked, r.error);
      ({ throws } = r);
      flows = [];
    } else if (!flows) {
      const sel = selectFlows(
        this.ir,
        el,
        () => visibleVariables(this.state, token.scopeId),
        this.now,
        'all',
      );
      if (!sel.ok) return this.park(token, parked, sel.error);
      flows = sel.flows;
    }
    disarm(this, token);
    recordCompletion(this, token, el);
    delete this.state.scopes[token.feiId];
    this.addTrail(token, el);
    this.removeToken(token);
    if (inner) advanceLoop(this, token);
    if (throws?.length) throwFromBody(this, this.findToken(token.scopeId) as Token, throws);
    if (this.state.adHoc) adHocInnerCompleted(this, token);
    for (const flowId of flows) {
      const flow = this.ir.flows[flowId];
      if (!flow)
        throw new EngineError(`element '${el.id}': unknown sequence flow '${flowId}'`, el.id);
      this.queue.push({
        scopeId: token.scopeId,
        elementId: flow.targetId,
        flowId,
        trigger: options.triggers?.[flow.targetId],
      });
    }
  }

  private park(token: Token, completing: Token['completing'], message: string): void {
    this.incident(token, 'expression', message);
    token.completing = completing;
  }

  incident(token: Token, kind: Incident['kind'], message: string): void {
    token.status = 'incident';
    delete token.work;
    const id = this.nextId('i');
    this.state.incidents[id] = {
      id,
      elementId: token.elementId,
      flowElementInstanceId: token.feiId,
      message,
      kind,
      createdAt: this.iso(),
    };
  }

  removeToken(token: Token): void {
    if (this.state.tokens[token.id] === token) unindexToken(this.state, token);
    delete this.state.tokens[token.id];
    delete this.state.startedAt[token.feiId];
    this.pendingScopes.add(token.scopeId);
  }

  /** True while a scope still holds a token or a token waiting in a join. */
  scopeBusy(scopeId: string): boolean {
    if (scopeHasToken(this.state, scopeId)) return true;
    const prefix = `${scopeId}|`;
    for (const key in this.state.joins) if (key.startsWith(prefix)) return true;
    return false;
  }

  private completeScopes(): boolean {
    const pending = [...this.pendingScopes];
    this.pendingScopes.clear();
    let moved = false;
    for (const scopeId of pending) {
      if (!this.state.scopes[scopeId] || this.scopeBusy(scopeId)) continue;
      // The process ends only once the flows a scope completing here queued were entered.
      if (moved && scopeId === this.state.rootScopeId) {
        this.pendingScopes.add(scopeId);
        continue;
      }
      if (scopeId === this.state.rootScopeId) {
        this.finishProcess();
        return true;
      }
      const owner = this.findToken(scopeId);
      if (owner && owner.status === 'active') {
        const el = this.element(owner.elementId);
        const done = this.behaviour(el).onScopeEmpty;
        if (done) done(this, owner, el);
        else this.complete(owner);
        moved = true;
      }
    }
    return moved;
  }

  private finishProcess(): void {
    closeEventSubprocesses(this, this.state.rootScopeId);
    const variables = { ...this.state.scopes[this.state.rootScopeId].variables };
    this.state.status = 'COMPLETED';
    this.state.result = variables;
    this.emit({ type: 'complete', variables: { ...variables } });
  }

  throwSignal(token: Token, signal: string): boolean {
    const variables = { ...(this.state.scopes[token.feiId]?.variables ?? {}) };
    this.emit({ type: 'broadcastSignal', name: signal, variables: { ...variables } });
    deliverSignal(this, signal, variables);
    if (this.isLive(token)) return true;
    this.addTrail(token, this.element(token.elementId)); // it completed by throwing
    return false;
  }
}
