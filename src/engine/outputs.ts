/**
 * The variables a completing element instance leaves behind (Zeebe semantics): its output
 * mappings, evaluated over its local scope and the result, written from the enclosing scope
 * upward (an inner instance of a loop: its own locals first); or, without output mappings, the result variables propagated from its local scope.
 */
import type { ElementIR } from '../model/bpmn/ir';
import type { CompleteOptions } from './elements/behaviour';
import type { EngineState, EpochMs, Token } from './types';
import { evaluateMappings, propagate, visibleVariables, writeVariable } from './variables';

/** Applies the outputs; returns the error when an output mapping failed (nothing written). */
export function applyOutputs(
  state: EngineState,
  token: Token,
  localScopeId: string,
  el: ElementIR,
  options: CompleteOptions,
  now: EpochMs,
): string | undefined {
  const variables = options.variables ?? {};
  if (el.outputs.length > 0) {
    const context = { ...visibleVariables(state, localScopeId), ...variables };
    const r = evaluateMappings(el.outputs, context, now);
    if (!r.ok) return `element '${el.id}': output ${r.error}`;
    if (options.propagateAll === true) propagate(state, localScopeId, variables);
    for (const [target, value] of r.writes) {
      writeVariable(state, outputScope(state, token, localScopeId, target), target, value);
    }
  } else if (options.propagateAll !== false) {
    propagate(state, localScopeId, variables);
  }
  return undefined;
}

/**
 * Where an output target is written from: the enclosing scope, except that an inner instance of
 * a multi-instance updates its own local of that name (its output element, which Zeebe's
 * documentation says output mappings may set before it is collected).
 */
function outputScope(state: EngineState, token: Token, localScopeId: string, target: string) {
  if (token.loopCounter === undefined || localScopeId === token.scopeId) return token.scopeId;
  const local = state.scopes[localScopeId]?.variables ?? {};
  const name = target.split('.')[0];
  return Object.prototype.hasOwnProperty.call(local, name) ? localScopeId : token.scopeId;
}
