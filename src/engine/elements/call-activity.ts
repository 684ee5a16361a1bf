/**
 * Call activity (BPMN 2.0 §10.3.6 "Call Activity"), Zeebe variable semantics: starts a
 * child process (`processId`, FEEL when `processIdIsFeel`) with every visible variable, or
 * only the input-mapped ones when `propagateAllParentVariables` is false. On completion the
 * child's variables propagate (all, unless `propagateAllChildVariables` is false) and output
 * mappings apply; a failed child is a `child` incident, retried by starting it again.
 */
import type { CallActivityIR } from '../../model/bpmn/ir';
import { evaluateFeel } from '../feel';
import type { ElementBehaviour } from './behaviour';

export const callActivity: ElementBehaviour<CallActivityIR> = {
  enter(ctx, token, el) {
    let processId = el.processId;
    if (el.processIdIsFeel) {
      const r = evaluateFeel(el.processId, ctx.variables(token), { now: ctx.now });
      if (!r.ok || typeof r.value !== 'string' || r.value === '') {
        const why = r.ok ? `process id evaluated to ${JSON.stringify(r.value)}` : r.error;
        ctx.incident(token, 'expression', `element '${el.id}': ${why}`);
        return;
      }
      processId = r.value;
    }
    const variables = el.propagateAllParentVariables
      ? ctx.variables(token)
      : { ...(ctx.state.scopes[token.feiId]?.variables ?? {}) };
    token.work = 'child';
    ctx.emit({
      type: 'startChild',
      feiId: token.feiId,
      elementId: el.id,
      ...(el.name !== undefined ? { name: el.name } : {}),
      processId,
      variables,
    });
  },
  onEvent(ctx, token, el, event) {
    if (event.type === 'childCompleted') {
      delete token.work;
      ctx.complete(token, {
        variables: event.variables,
        propagateAll: el.propagateAllChildVariables,
      });
    } else if (event.type === 'childFailed') {
      delete token.work;
      ctx.incident(token, 'child', event.message || `child process of '${el.id}' failed`);
    }
  },
};
