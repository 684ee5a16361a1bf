/**
 * Cancellation of element instances (BPMN 2.0 §13.5.6 interrupting boundary events,
 * §10.5.3 terminate end event, §13.4.5 error handling): ends a token without completing it,
 * recursively for a subprocess's contents. Work in flight is cancelled (`cancelWork`),
 * timers are cancelled, subscriptions, user tasks, incidents and local scopes removed.
 * Cancelled instances leave no trail entry: the trail lists completed instances only.
 */
import { forgetCompensation } from './compensation';
import type { RunContext } from './run-context';
import type { Token } from './types';

export function cancelToken(run: RunContext, token: Token): void {
  const { state } = run;
  const el = state.tokens[token.id] ? run.ir.elements[token.elementId] : undefined;
  if (!el) return;
  run.behaviour(el).onCancel?.(run, token, el);
  if (token.work) {
    run.emit({ type: 'cancelWork', feiId: token.feiId });
    delete token.work;
  }
  run.disarm(token);
  delete state.userTasks[token.feiId];
  for (const id of Object.keys(state.incidents)) {
    if (state.incidents[id].flowElementInstanceId === token.feiId) delete state.incidents[id];
  }
  if (state.scopes[token.feiId]) {
    cancelScopeContents(run, token.feiId);
    delete state.scopes[token.feiId];
  }
  if (state.compensable || state.compensating) forgetCompensation(state, token.feiId);
  run.removeToken(token);
}

/** Cancels every token living in `scopeId` (recursively) and drops its join bookkeeping. */
export function cancelScopeContents(run: RunContext, scopeId: string, except?: Token): void {
  const { state } = run;
  for (const t of Object.values(state.tokens)) {
    if (t.scopeId === scopeId && t !== except) cancelToken(run, t);
  }
  const prefix = `${scopeId}|`;
  for (const key of Object.keys(state.joins)) if (key.startsWith(prefix)) delete state.joins[key];
  if (state.complex) {
    for (const key of Object.keys(state.complex))
      if (key.startsWith(prefix)) delete state.complex[key];
    if (Object.keys(state.complex).length === 0) delete state.complex;
  }
}

/** Terminate end event: ends every other token of the scope; the caller then completes. */
export function terminateScope(run: RunContext, token: Token): void {
  cancelScopeContents(run, token.scopeId, token);
}

/** Cancel request: ends every token of the process; the instance becomes CANCELED. */
export function cancelInstance(run: RunContext): void {
  const { state } = run;
  cancelScopeContents(run, state.rootScopeId);
  state.subscriptions = [];
  for (const id of Object.keys(state.timers)) {
    run.emit({ type: 'cancelTimer', timerId: id });
    delete state.timers[id];
  }
  state.status = 'CANCELED';
}
