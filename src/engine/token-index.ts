/**
 * Lookups of live tokens by feiId and by scope, so that finding the element instance an event
 * is for, or whether a scope still holds a token, does not scan every token (a parallel
 * multi-instance holds hundreds, and `for…in` over a large object costs its size even when it
 * stops early). It is a cache beside the state, never part of it: keyed weakly by the state
 * object, built by one scan the first time a state is seen (a fresh start, a continue-as-new, a
 * JSON copy) and then kept current by the run, which alone adds and removes tokens
 * (`indexToken`, `unindexToken`). Hits are checked against `state.tokens`.
 */
import type { EngineState, Token } from './types';

interface TokenIndex {
  byFei: Map<string, Token>;
  /** Live tokens per scope id. */
  perScope: Map<string, number>;
}

const indexes = new WeakMap<EngineState, TokenIndex>();

function indexOf(state: EngineState): TokenIndex {
  let index = indexes.get(state);
  if (!index) {
    index = { byFei: new Map(), perScope: new Map() };
    indexes.set(state, index);
    for (const id in state.tokens) add(index, state.tokens[id]);
  }
  return index;
}

function add(index: TokenIndex, token: Token): void {
  index.byFei.set(token.feiId, token);
  index.perScope.set(token.scopeId, (index.perScope.get(token.scopeId) ?? 0) + 1);
}

/** Records a token just added to `state.tokens`. */
export function indexToken(state: EngineState, token: Token): void {
  const index = indexes.get(state);
  if (index) add(index, token);
  else indexOf(state);
}

/** Forgets a token just removed from `state.tokens`. */
export function unindexToken(state: EngineState, token: Token): void {
  const index = indexOf(state);
  if (index.byFei.get(token.feiId) === token) index.byFei.delete(token.feiId);
  const n = (index.perScope.get(token.scopeId) ?? 0) - 1;
  if (n > 0) index.perScope.set(token.scopeId, n);
  else index.perScope.delete(token.scopeId);
}

/** The live token of element instance `feiId`, if any. */
export function lookupToken(state: EngineState, feiId: string): Token | undefined {
  const hit = indexOf(state).byFei.get(feiId);
  return hit && state.tokens[hit.id] === hit ? hit : undefined;
}

/** Whether a live token sits in scope `scopeId`. */
export function scopeHasToken(state: EngineState, scopeId: string): boolean {
  return (indexOf(state).perScope.get(scopeId) ?? 0) > 0;
}
