/**
 * Rule `exclusive-gateway-conditions`: on a diverging exclusive or inclusive gateway (more
 * than one outgoing flow) every outgoing flow except the default needs a condition, and the
 * default flow carries no condition. (That it is one of the gateway's own outgoing flows is
 * `default-flow-source`'s check, for activities too.)
 */
import { outgoingOf } from '../model';
import type { Problem, Rule } from '../types';
import { allNodes } from './helpers';

const id = 'exclusive-gateway-conditions';
const DECIDING = new Set(['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway']);

export const rule: Rule = {
  id,
  severity: 'error',
  description: 'Diverging exclusive/inclusive gateways have conditions on all non-default flows.',
  check(ctx) {
    const problems: Problem[] = [];
    for (const node of allNodes(ctx)) {
      const gateway = node.element;
      if (!DECIDING.has(gateway.$type)) continue;
      const outgoing = outgoingOf(node);
      const defaultFlow = gateway.default;
      if (defaultFlow?.conditionExpression) {
        problems.push({
          rule: id,
          elementId: defaultFlow.id,
          message: `Default flow ${defaultFlow.id ?? ''} of gateway ${gateway.id ?? ''} must not have a condition`,
        });
      }
      if (outgoing.length < 2) continue;
      for (const flow of outgoing) {
        if (flow === defaultFlow || flow.conditionExpression?.body?.trim()) continue;
        problems.push({
          rule: id,
          elementId: flow.id,
          message: `Sequence flow ${flow.id ?? ''} leaves diverging gateway ${gateway.id ?? ''} without a condition and is not its default flow`,
        });
      }
    }
    return problems;
  },
};
