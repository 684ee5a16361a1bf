/**
 * Embedded subprocess (BPMN 2.0 §10.3.5 "Sub-Process", §13.2.3): each instance owns a
 * variable scope (id = its feiId) holding its input-mapped locals, starts a token at its
 * none start event and completes when its last token is gone (the engine notices); output
 * mappings then export, and the scope with its locals vanishes.
 */
import type { SubProcessIR } from '../../model/bpmn/ir';
import type { ElementBehaviour } from './behaviour';

export const subProcess: ElementBehaviour<SubProcessIR> = {
  ownsScope: true,
  enter(ctx, token, el) {
    ctx.spawn(token.feiId, el.startEventId);
  },
  onRetry(ctx, token, el) {
    // Only an input-mapping incident parks a subprocess before it starts.
    const started = Object.values(ctx.state.tokens).some((t) => t.scopeId === token.feiId);
    if (!started) ctx.spawn(token.feiId, el.startEventId);
  },
};
