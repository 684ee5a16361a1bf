/**
 * Script task (BPMN 2.0 §10.3.3 "Script Task"), Zeebe FEEL flavour: the FEEL expression is
 * evaluated over the visible variables and its (JSON-converted) value stored in
 * `resultVariable`. A FEEL error is an `expression` incident; retrying re-evaluates.
 */
import type { ScriptTaskIR } from '../../model/bpmn/ir';
import { evaluateFeel } from '../feel';
import type { ElementBehaviour } from './behaviour';

export const scriptTask: ElementBehaviour<ScriptTaskIR> = {
  enter(ctx, token, el) {
    const r = evaluateFeel(el.expression, ctx.variables(token), { now: ctx.now });
    if (!r.ok) {
      ctx.incident(token, 'expression', `element '${el.id}': ${r.error}`);
      return;
    }
    ctx.complete(token, { variables: el.resultVariable ? { [el.resultVariable]: r.value } : {} });
  },
};
