/**
 * What the engine's helper modules (joins, events, error routing, cancellation) need of the
 * step in progress: the behaviours' `EngineContext` plus the bookkeeping only the engine
 * itself may touch (ids, tokens, activation, the trail). `Run` (runtime.ts) implements it.
 *
 * The helpers take this interface rather than `Run` so that they and runtime.ts do not import
 * each other (as in Zeebe's engine, a shared behaviour sits behind an interface and never
 * reaches into the concrete engine class): each helper can be read, tested and changed on its
 * own, and a cycle check over the whole tree (test/architecture/import-cycles.test.ts) keeps
 * it that way. This file imports nothing from runtime.ts.
 */
import type { ElementIR, EventSubProcessIR } from '../model/bpmn/ir';
import type { ElementBehaviour, EngineContext } from './elements/behaviour';
import type { EpochMs, Token, Variables } from './types';

export interface RunContext extends EngineContext {
  /** The next id from the instance's one counter (`state.seq`): `t7`, `timer8`, `i9`. */
  nextId(prefix: string): string;
  /** An ISO-8601 timestamp of `ms`, by default the event's `now`. */
  iso(ms?: EpochMs): string;
  /** The element; an unknown id is a definition problem (`EngineError`). */
  element(id: string): ElementIR;
  /** The element's behaviour; an unsupported type is a definition problem (`EngineError`). */
  behaviour(el: ElementIR): ElementBehaviour;
  /** The live token of an element instance, if it still has one. */
  findToken(feiId: string): Token | undefined;
  /** Creates the element instance's token and runs inputs, boundary arming and `enter`. */
  activate(scopeId: string, el: ElementIR, arrivedBy?: string, trigger?: Variables): void;
  /** Queues inner instance `loopCounter` of the loop body whose scope is `bodyScopeId`. */
  spawnInner(bodyScopeId: string, elementId: string, loopCounter: number): void;
  /** Appends the element instance to the trail (bounded). */
  addTrail(token: Token, el: ElementIR): void;
  /** Drops the token; its scope is then checked for completion. */
  removeToken(token: Token): void;
  /** Starts an instance of `esp` in `scopeId` (interrupting: cancels the rest of the scope). */
  triggerEventSubprocess(scopeId: string, esp: EventSubProcessIR, variables: Variables): void;
}
