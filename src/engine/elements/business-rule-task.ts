/**
 * Business rule task (BPMN 2.0 §10.3.3 "Business Rule Task"), Camunda 8 flavour. With
 * `zeebe:calledDecision` the decision id (FEEL when `=…`) is evaluated, then the internal
 * activity `waymark.evaluateDecision` resolves the decision — the latest deployed version
 * when the task runs, or the latest one with the version tag — and evaluates it with the
 * deterministic DMN evaluator (`src/engine/dmn`); its result is stored in `resultVariable`.
 * Running it as an activity records the version used and the result in the history, so
 * replay never depends on the registry or on the evaluator's code. A failed evaluation (no
 * such decision, a hit policy violated) is an incident naming the element and the decision;
 * retrying evaluates again. With `zeebe:taskDefinition` it is a job, as a service task.
 */
import type { BusinessRuleTaskIR, CalledDecisionIR, JobTaskIR } from '../../model/bpmn/ir';
import { INTERNAL_ACTIVITIES } from '../../model/task-types';
import { evaluateFeel } from '../feel';
import type { Token } from '../types';
import type { ElementBehaviour, EngineContext } from './behaviour';
import { serviceTask } from './service-task';

/** Attempts of the decision activity (a registry read that fails for a moment). */
const DECISION_RETRIES = 3;

/** The task's job form, as the service task behaviour takes it. */
function asJob(el: BusinessRuleTaskIR): JobTaskIR {
  const job = el.job ?? { taskType: '', retries: DECISION_RETRIES, headers: {} };
  return { ...el, ...job, type: 'serviceTask' };
}

/** The decision id to call; undefined after raising an incident. */
function decisionIdOf(
  ctx: EngineContext,
  token: Token,
  el: BusinessRuleTaskIR,
  called: CalledDecisionIR,
): string | undefined {
  if (!called.decisionIdIsFeel) return called.decisionId;
  const r = evaluateFeel(called.decisionId, ctx.variables(token), { now: ctx.now });
  if (!r.ok) {
    ctx.incident(token, 'expression', `element '${el.id}': decisionId: ${r.error}`);
    return undefined;
  }
  if (typeof r.value !== 'string' || r.value.trim() === '') {
    const got = JSON.stringify(r.value);
    ctx.incident(
      token,
      'expression',
      `element '${el.id}': decisionId evaluated to ${got}, not a decision id`,
    );
    return undefined;
  }
  return r.value.trim();
}

function callDecision(
  ctx: EngineContext,
  token: Token,
  el: BusinessRuleTaskIR,
  called: CalledDecisionIR,
) {
  const decisionId = decisionIdOf(ctx, token, el, called);
  if (decisionId === undefined) return;
  token.work = 'task';
  ctx.emit({
    type: 'scheduleTask',
    feiId: token.feiId,
    elementId: el.id,
    ...(el.name !== undefined ? { name: el.name } : {}),
    taskType: INTERNAL_ACTIVITIES.evaluateDecision,
    retries: DECISION_RETRIES,
    headers: {
      decisionId,
      resultVariable: called.resultVariable,
      bindingType: called.bindingType,
      ...(called.versionTag !== undefined ? { versionTag: called.versionTag } : {}),
    },
    variables: ctx.variables(token),
  });
}

export const businessRuleTask: ElementBehaviour<BusinessRuleTaskIR> = {
  enter(ctx, token, el, trigger) {
    if (!el.calledDecision) return serviceTask.enter(ctx, token, asJob(el), trigger);
    callDecision(ctx, token, el, el.calledDecision);
  },
  onEvent(ctx, token, el, event) {
    if (!el.calledDecision) return serviceTask.onEvent?.(ctx, token, asJob(el), event);
    if (event.type === 'taskCompleted') {
      delete token.work;
      const result = event.variables.result ?? null;
      ctx.complete(token, { variables: { [el.calledDecision.resultVariable]: result } });
    } else if (event.type === 'taskFailed') {
      delete token.work;
      ctx.incident(token, 'task', `element '${el.id}': ${event.message}`);
    }
  },
  onRetry(ctx, token, el) {
    if (!el.calledDecision) return serviceTask.onRetry?.(ctx, token, asJob(el));
    callDecision(ctx, token, el, el.calledDecision);
  },
  onCancel(ctx, token, el) {
    if (!el.calledDecision) serviceTask.onCancel?.(ctx, token, asJob(el));
  },
};
